package global.lco.thumbs.gateway.archive;

import global.lco.thumbs.shared.contract.Failure;
import global.lco.thumbs.shared.contract.Problem;
import java.util.Locale;
import java.util.Optional;

/** The five validation rules of docs/api.md, validation, in order, with the old service's exact messages. */
public final class FrameValidator {
  private final ValidationRules rules;

  public FrameValidator(ValidationRules rules) {
    this.rules = rules;
  }

  /** The first rule the frame breaks, as a 400 (or 404 when the record has no file), else empty. */
  public Optional<Problem> check(ArchiveFrame frame, boolean color) {
    if (!rules.requiredKeys().stream().allMatch(frame::has)) {
      return invalid("Cannot generate thumbnail for given frame");
    }
    var rawType = frame.configurationType();
    var type = rawType == null ? "" : rawType.toUpperCase(Locale.ROOT);
    if (!rules.validTypes().contains(type)) {
      return invalid("Cannot generate thumbnail for configuration_type=" + type);
    }
    if (color && frame.requestId() == null) {
      return invalid("Cannot generate color thumbnail for a frame that does not have a request");
    }
    if (color && !rules.validColorTypes().contains(type)) {
      return invalid("Cannot generate color thumbnail for configuration_type=" + type);
    }
    var filename = frame.filename();
    if (filename == null || frame.url() == null) {
      // The archive lists no downloadable version of this frame: nothing to render.
      return Optional.of(Failure.NOT_FOUND.problem());
    }
    if (!(filename.endsWith(".fits") || filename.endsWith(".fits.fz"))) {
      return invalid("Cannot generate thumbnail for non FITS-type frame");
    }
    return Optional.empty();
  }

  private static Optional<Problem> invalid(String reason) {
    return Optional.of(Failure.INVALID_FRAME.problem(reason));
  }
}
