package global.lco.thumbs.worker.fits;

import global.lco.thumbs.worker.orient.OrientationHeader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import nom.tam.fits.Header;
import nom.tam.util.FitsInputStream;

/**
 * The image {@link FitsDecoder} would decode, told from the headers alone, read in pieces as they
 * arrive (HTTP range requests): the first SCI image, else the first 2-D image, with its size and
 * orientation header. It answers {@link Unsure} whenever the decoder might do otherwise or the
 * headers are anything but plain (an amplifier mosaic, more than the pixel limit, damage, many
 * HDUs), and the caller then downloads the file.
 */
public final class HeaderWalk {
  /** HDUs looked at before giving up: LCO files have up to five (primary, SCI, CAT, BPM, ERR). */
  static final int MAX_HDUS = 8;
  /** A header longer than this is not a header this shortcut handles. */
  static final int MAX_HEADER_BYTES = 100 * 2880;
  private static final int BLOCK = 2880;
  private static final int CARD = 80;

  /** What to do next. */
  public sealed interface Step permits NeedBytes, Found, Unsure {
  }

  /** Read the file from this offset on (as many whole blocks as is convenient) and offer them. */
  public record NeedBytes(long from) implements Step {
  }

  /** The decoder's image is {@code width}×{@code height} (FITS axes) and oriented as {@code orientation} says. */
  public record Found(int width, int height, OrientationHeader orientation) implements Step {
  }

  /** The headers do not settle it: download the file. */
  public record Unsure(String why) implements Step {
  }

  private final FitsLimits limits;
  private long hduStart;
  private int hdus;
  private ByteArrayOutputStream header = new ByteArrayOutputStream();
  private Candidate first;
  private Candidate sectioned;

  public HeaderWalk(FitsLimits limits) {
    this.limits = limits;
  }

  private record Candidate(int width, int height, boolean science, String extname, boolean sections,
                           OrientationHeader orientation) {
  }

  /** Where the first piece starts. */
  public Step start() {
    return new NeedBytes(0);
  }

  /**
   * Takes the bytes that follow those offered so far, from the offset the last {@link NeedBytes}
   * named, in a file of {@code total} bytes.
   */
  public Step offer(byte[] piece, long total) {
    try {
      header.write(piece, 0, piece.length);
      return walk(total);
    } catch (RuntimeException | IOException odd) {
      return new Unsure("unreadable header: " + odd);
    }
  }

  private Step walk(long total) throws IOException {
    while (true) {
      byte[] bytes = header.toByteArray();
      int end = endCard(bytes);
      if (end < 0) {
        if (bytes.length > MAX_HEADER_BYTES || hduStart + bytes.length >= total) {
          return new Unsure("no END card within " + bytes.length + " bytes");
        }
        return new NeedBytes(hduStart + bytes.length);
      }
      int headerBytes = (end / BLOCK + 1) * BLOCK;
      if (headerBytes > bytes.length) {
        return new Unsure("header ends past the bytes read");
      }
      var parsed = Header.readHeader(new FitsInputStream(new ByteArrayInputStream(bytes, 0, headerBytes)));
      if (hdus == 0 && !parsed.getBooleanValue("SIMPLE", false)) {
        return new Unsure("not a FITS file");
      }
      hdus++;
      var candidate = candidate(parsed);
      if (candidate != null) {
        if (sectioned != null && candidate.extname().equals(sectioned.extname())) {
          return new Unsure("amplifier mosaic");
        }
        // The decoder takes the first SCI image, else the first image.
        if (first == null || (!first.science() && candidate.science())) {
          first = candidate;
          // With DATASEC and DETSEC, another image of the same EXTNAME later makes a mosaic: keep reading.
          sectioned = candidate.sections() ? candidate : null;
        }
      }
      long next = hduStart + headerBytes + padded(dataBytes(parsed));
      if (first != null && first.science() && sectioned == null) {
        return found(first);
      }
      if (next >= total) {
        return first == null ? new Unsure("no 2-D image") : found(first);
      }
      if (hdus >= MAX_HDUS) {
        return new Unsure("more than " + MAX_HDUS + " HDUs");
      }
      header = new ByteArrayOutputStream();
      long already = hduStart + bytes.length;
      hduStart = next;
      if (next >= already) {
        return new NeedBytes(next);
      }
      // An HDU without data: the next header may already be here.
      header.write(bytes, (int) (next - (already - bytes.length)), (int) (already - next));
    }
  }

  private Step found(Candidate chosen) {
    if ((long) chosen.width() * chosen.height() > limits.maxPixels()) {
      return new Unsure("larger than the pixel limit");
    }
    return new Found(chosen.width(), chosen.height(), chosen.orientation());
  }

  /** As {@link ImageCandidate#of}, on a header. */
  private static Candidate candidate(Header h) {
    var xtension = h.getStringValue("XTENSION", "").trim();
    boolean compressed = xtension.equals("BINTABLE") && h.getBooleanValue("ZIMAGE", false);
    if (!compressed && !xtension.isEmpty() && !xtension.equals("IMAGE")) {
      return null;
    }
    String prefix = compressed ? "ZNAXIS" : "NAXIS";
    int axes = h.getIntValue(prefix, 0);
    if (axes < 2 || axes > 999) {
      return null;
    }
    for (int axis = 3; axis <= axes; axis++) {
      if (h.getLongValue(prefix + axis, 0) != 1) {
        return null;
      }
    }
    long width = h.getLongValue(prefix + "1", 0);
    long height = h.getLongValue(prefix + "2", 0);
    if (width <= 0 || height <= 0 || width > Integer.MAX_VALUE || height > Integer.MAX_VALUE) {
      return null;
    }
    var extname = h.getStringValue("EXTNAME", "").trim().toUpperCase();
    boolean sections = DetectorSection.parse(h.getStringValue("DATASEC")) != null
        && DetectorSection.parse(h.getStringValue("DETSEC")) != null;
    return new Candidate((int) width, (int) height, extname.equals("SCI"), extname, sections,
        OrientationHeader.read(h));
  }

  private static long dataBytes(Header h) {
    int axes = h.getIntValue("NAXIS", 0);
    if (axes == 0) {
      return 0;
    }
    long product = 1;
    for (int axis = 1; axis <= axes; axis++) {
      product = Math.multiplyExact(product, h.getLongValue("NAXIS" + axis, 0));
    }
    long bytesPerValue = Math.abs(h.getIntValue("BITPIX", 8)) / 8;
    return Math.multiplyExact(bytesPerValue * h.getLongValue("GCOUNT", 1), product + h.getLongValue("PCOUNT", 0));
  }

  private static long padded(long bytes) {
    return (bytes + BLOCK - 1) / BLOCK * BLOCK;
  }

  /** Offset of the END card, or -1. */
  private static int endCard(byte[] bytes) {
    for (int at = 0; at + CARD <= bytes.length; at += CARD) {
      if (bytes[at] == 'E' && new String(bytes, at, 8, StandardCharsets.US_ASCII).equals("END     ")) {
        return at;
      }
    }
    return -1;
  }
}
