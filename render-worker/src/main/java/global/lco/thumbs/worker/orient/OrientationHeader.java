package global.lco.thumbs.worker.orient;

import java.util.Locale;
import java.util.Optional;
import nom.tam.fits.Header;

/**
 * What an image header says about how to orient the picture: its CD matrix, and whether the frame
 * calls itself a spectrum ({@code OBSTYPE = SPECTRUM}, what the archive reports as configuration_type).
 */
public record OrientationHeader(Optional<CdMatrix> cd, boolean spectrum) {
  /** A header that tells nothing: the legacy flip. */
  public static final OrientationHeader NONE = new OrientationHeader(Optional.empty(), false);

  public static OrientationHeader read(Header header) {
    try {
      var type = header.getStringValue("OBSTYPE", "");
      return new OrientationHeader(CdMatrix.read(header),
          type != null && type.trim().toUpperCase(Locale.ROOT).equals("SPECTRUM"));
    } catch (RuntimeException unreadable) {
      return NONE;
    }
  }
}
