package global.lco.thumbs.gateway.iiif;

import global.lco.thumbs.shared.contract.Failure;
import global.lco.thumbs.shared.contract.ImageFormat;
import global.lco.thumbs.shared.contract.Problem;
import global.lco.thumbs.shared.contract.TileParams;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The four parameters after the identifier of a IIIF image request
 * ({@code {region}/{size}/{rotation}/{quality}.{format}}), checked strictly: bad syntax is 400, a valid
 * IIIF value we do not offer (arbitrary rotation, bitonal, tif…) is 501. All of it is decided before
 * the archive is asked.
 */
public record ImageRequest(Region region, SizeSpec size, int rotation, boolean mirror, String quality,
                           ImageFormat format, boolean composite) {
  private static final Pattern ROTATION = Pattern.compile("(!?)([0-9]{1,3}(?:\\.[0-9]{1,9})?)");
  private static final Set<String> QUALITIES = Set.of("default", "color", "gray", "bitonal");
  private static final Set<String> OTHER_FORMATS = Set.of("tif", "gif", "jp2", "pdf", "webp");

  /** What a request resolves to against a picture's size: the worker's tile and the canonical parameters. */
  public record Resolved(TileParams tile, String canonical) {
  }

  /** A request on a mono frame's picture, which offers {@code default} and {@code gray}. */
  public static ImageRequest parse(String region, String size, String rotation, String quality, String format,
                                   ImageLimits limits) {
    return parse(region, size, rotation, quality, format, false, limits);
  }

  /** @param composite the picture is a colour composite, which offers {@code color} as well */
  public static ImageRequest parse(String region, String size, String rotation, String quality, String format,
                                   boolean composite, ImageLimits limits) {
    var r = Region.parse(region);
    var s = SizeSpec.parse(size, limits);
    var rot = ROTATION.matcher(rotation);
    if (!rot.matches() || Double.parseDouble(rot.group(2)) > 360) {
      throw Failure.BAD_PARAMETER.problem("Invalid IIIF rotation: must be 0 to 360, optionally after !");
    }
    double degrees = Double.parseDouble(rot.group(2));
    if (degrees % 90 != 0) {
      throw unsupported("Rotation by other angles than 0, 90, 180 and 270 is not supported");
    }
    if (!QUALITIES.contains(quality)) {
      throw Failure.BAD_PARAMETER.problem("Invalid IIIF quality: must be default, color, gray or bitonal");
    }
    if (quality.equals("bitonal") || quality.equals("color") && !composite) {
      throw unsupported("Quality " + quality + " is not offered for this image; "
          + (composite ? "default, color and gray are" : "default and gray are"));
    }
    ImageFormat f;
    if (format.equals("jpg")) {
      f = ImageFormat.JPEG;
    } else if (format.equals("png")) {
      f = ImageFormat.PNG;
    } else if (OTHER_FORMATS.contains(format)) {
      throw unsupported("Format " + format + " is not offered; jpg and png are");
    } else {
      throw Failure.BAD_PARAMETER.problem("Invalid IIIF format: must be jpg or png");
    }
    return new ImageRequest(r, s, (int) degrees % 360, !rot.group(1).isEmpty(), quality, f, composite);
  }

  /** This request against a {@code width × height} picture; 400 when the region or size do not fit it. */
  public Resolved resolve(int width, int height, ImageLimits limits) {
    var box = region.resolve(width, height);
    var scaled = size.resolve(box.width(), box.height(), limits);
    // A mono frame is grey already: its gray tile is its default tile, stored once.
    var tile = new TileParams(box.x(), box.y(), box.width(), box.height(), scaled.width(), scaled.height(), rotation,
        mirror, false, composite && quality.equals("gray"));
    boolean whole = box.x() == 0 && box.y() == 0 && box.width() == width && box.height() == height;
    var max = SizeSpec.parse("max", limits).resolve(box.width(), box.height(), limits);
    var canonical = (whole ? "full" : box.x() + "," + box.y() + "," + box.width() + "," + box.height()) + "/"
        + (max.equals(scaled) ? "max" : scaled.width() + "," + scaled.height()) + "/"
        + (mirror ? "!" : "") + rotation + "/" + quality + "." + (format == ImageFormat.PNG ? "png" : "jpg");
    return new Resolved(tile, canonical);
  }

  /** A valid IIIF request for a feature this service does not implement: 501 with our JSON body. */
  static Problem unsupported(String message) {
    return new Problem(Failure.BAD_PARAMETER, 501, message);
  }
}
