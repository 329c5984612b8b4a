package global.lco.thumbs.worker.render;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * fits2image's label: DejaVu Sans Mono at the bottom-left, 20 px shrunk by 1 px until it fits in
 * the width less 4, its lowest ink 4 px above the bottom edge (Pillow draws from the top of the
 * ascender box at {@code height − 4 − getsize()[1]}, and that height is the ascender plus the ink
 * below the baseline). White on mono and colour (fits2image's colour label is red: docs/colour.md
 * wants white). Only the rows the text covers are copied through java.awt, not the whole frame.
 */
public final class Label {

  static final int MAX_SIZE = LabelFont.MAX_SIZE;
  static final int OFFSET = 4;

  private Label() {
  }

  /**
   * The font size fits2image would pick: 20 px, shrinking by 1 until the text's width fits in
   * {@code w − 4}; 0 when not even 1 px fits (Pillow then fails to load a font and draws nothing).
   */
  static int fittingSize(String text, int w) {
    for (int size = MAX_SIZE; size >= 1; size--) {
      if (LabelLayout.of(text, size).width() <= w - OFFSET) {
        return size;
      }
    }
    return 0;
  }

  /** The width Pillow's {@code getsize} reports for the text at this size. */
  static int width(String text, int size) {
    return LabelLayout.of(text, size).width();
  }

  /** True when this JVM hints label glyphs as the reference renderer does (see {@link LabelFont#FREETYPE_PROPERTIES}). */
  public static boolean hintedLikeReference() {
    return LabelFont.hintedLikeReference();
  }

  /** Draws {@code text} in place on an interleaved 8-bit image (1 = grey, 3 = RGB channels). */
  public static void draw(byte[] img, int w, int h, int channels, String text) {
    if (text == null || text.isEmpty() || w <= 0 || h <= 0) {
      return;
    }
    int size = fittingSize(text, w);
    if (size == 0) {
      return;
    }
    LabelLayout layout = LabelLayout.of(text, size);
    int baseline = h - OFFSET - layout.inkBottom();
    Rectangle ink = layout.glyphs().getPixelBounds(LabelFont.HINTED, OFFSET, baseline);
    int stripTop = Math.max(0, ink.y);
    int stripBottom = Math.min(h, ink.y + ink.height);
    if (ink.isEmpty() || stripBottom <= stripTop) {
      return;
    }
    int stripH = stripBottom - stripTop;
    int stride = w * channels;

    BufferedImage strip = new BufferedImage(w, stripH,
        channels == 1 ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_3BYTE_BGR);
    byte[] pixels = ((DataBufferByte) strip.getRaster().getDataBuffer()).getData();
    // RGB bytes go into the BGR buffer unswapped: white text blends each channel identically,
    // so channel order does not matter and both copies stay plain arraycopies.
    System.arraycopy(img, stripTop * stride, pixels, 0, stripH * stride);

    Graphics2D g = strip.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_OFF);
      g.setColor(Color.WHITE);
      g.drawGlyphVector(layout.glyphs(), OFFSET, baseline - stripTop);
    } finally {
      g.dispose();
    }
    System.arraycopy(pixels, 0, img, stripTop * stride, stripH * stride);
  }
}
