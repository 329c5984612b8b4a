package global.lco.thumbs.shared.cache;

import global.lco.thumbs.shared.contract.FrameSource;
import global.lco.thumbs.shared.contract.ImageFormat;
import global.lco.thumbs.shared.contract.OrientationMode;
import global.lco.thumbs.shared.contract.RenderParams;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The store key of a thumbnail (docs/architecture.md): SHA-256 over a canonical text of the renderer version,
 * the frames (id and pixel version) and the parsed parameters. Nothing caller-specific goes in:
 * the archive decides who may see a frame on every request, so one key serves every entitled caller.
 * A PNG's key ends in {@code .png}, so the store names and serves it as one; a JPEG's is the bare hash.
 */
public final class CacheKey {
  /** Bump when the rendering changes, so old thumbnails are not served for new output. */
  public static final String RENDERER_VERSION = "thumbs-render-2";

  private CacheKey() {
  }

  public static String of(List<FrameSource> frames, RenderParams params) {
    var hash = sha256Hex(canonical(frames, params));
    return params.format() == ImageFormat.JPEG ? hash : hash + params.format().extension();
  }

  /** The text that is hashed; every variable-length part is length-prefixed so no two inputs collide. */
  static String canonical(List<FrameSource> frames, RenderParams p) {
    var sb = new StringBuilder(RENDERER_VERSION).append('\n');
    sb.append(frames.size() == 3 ? "color" : "mono").append('\n');
    for (var f : frames) {
      sb.append("frame ").append(f.id()).append(' ');
      field(sb, f.version());
      sb.append('\n');
    }
    sb.append("width ").append(p.width()).append('\n')
        .append("height ").append(p.height()).append('\n')
        .append("median ").append(p.median()).append('\n')
        .append("percentile ").append(p.median() ? Double.toString(p.percentile()) : "-").append('\n')
        .append("quality ").append(p.quality()).append('\n')
        .append("label ");
    field(sb, p.label());
    sb.append('\n');
    // Lines for what fits2image 0.4.6 did not have, only when used: its thumbnails keep their keys.
    if (p.orientation() != OrientationMode.LEGACY) {
      sb.append("orientation ").append(p.orientation().wireName()).append('\n');
    }
    if (p.format() != ImageFormat.JPEG) {
      sb.append("format ").append(p.format().wireName()).append('\n');
    }
    if (p.planet()) {
      sb.append("planet ");
      field(sb, p.target());
      sb.append('\n');
    }
    var c = p.cutout();
    if (c != null) {
      sb.append("cutout ").append(c.x()).append(' ').append(c.y()).append(' ').append(c.width()).append(' ')
          .append(c.height()).append(' ').append(c.zoom()).append(' ').append(c.sigma()).append(' ')
          .append(c.ticks()).append('\n');
    }
    if (p.tile() != null) {
      sb.append("tile ").append(p.tile().keyText()).append('\n');
    }
    return sb.toString();
  }

  private static void field(StringBuilder sb, String value) {
    var v = value == null ? "" : value;
    sb.append(v.length()).append(':').append(v);
  }

  public static String sha256Hex(String text) {
    try {
      var digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
