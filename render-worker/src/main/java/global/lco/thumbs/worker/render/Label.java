package global.lco.thumbs.worker.render;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.LineMetrics;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * fits2image's label: white DejaVu Sans Mono text at the bottom-left, 20 px shrunk until it fits
 * the width. Only the bottom strip is copied through java.awt, not the whole frame.
 */
public final class Label {

  static final int MAX_SIZE = 20;
  static final int OFFSET = 4;
  private static final String FONT_RESOURCE = "/fonts/DejaVuSansMono.ttf";

  static {
    // Must happen before the first AWT class initialises its toolkit; a worker has no display.
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  /** Fonts are immutable, so one loaded copy (and its derived sizes) is shared by all threads. */
  private static final Font[] SIZES = loadSizes();

  /** Antialiased, fractional metrics: the same context for measuring and drawing keeps them consistent. */
  private static final FontRenderContext FRC = new FontRenderContext(null, true, true);

  private Label() {
  }

  private static Font[] loadSizes() {
    try (InputStream in = Label.class.getResourceAsStream(FONT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("font resource missing: " + FONT_RESOURCE);
      }
      Font base = Font.createFont(Font.TRUETYPE_FONT, in);
      Font[] sizes = new Font[MAX_SIZE + 1];
      for (int s = 1; s <= MAX_SIZE; s++) {
        sizes[s] = base.deriveFont((float) s);
      }
      return sizes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (FontFormatException e) {
      throw new IllegalStateException("bad font resource " + FONT_RESOURCE, e);
    }
  }

  /** The font size fits2image would pick: 20 px, shrinking by 1 until the advance fits in w − 4 (floor 1). */
  static int fittingSize(String text, int w) {
    int size = MAX_SIZE;
    while (size > 1 && advance(text, size) > w - OFFSET) {
      size--;
    }
    return size;
  }

  static double advance(String text, int size) {
    return SIZES[size].getStringBounds(text, FRC).getWidth();
  }

  /** Draws {@code text} in place on an interleaved 8-bit image (1 = grey, 3 = RGB channels). */
  public static void draw(byte[] img, int w, int h, int channels, String text) {
    if (text == null || text.isEmpty() || w <= 0 || h <= 0) {
      return;
    }
    Font font = SIZES[fittingSize(text, w)];
    LineMetrics metrics = font.getLineMetrics(text, FRC);
    // The text's lowest point (descent) sits OFFSET px above the bottom edge, as in fits2image.
    float baseline = h - OFFSET - metrics.getDescent();
    // One spare row above the ascent covers antialiasing bleed; rows above the strip are never touched.
    int stripTop = Math.max(0, (int) Math.floor(baseline - metrics.getAscent()) - 1);
    int stripH = h - stripTop;
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
      g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
      g.setFont(font);
      g.setColor(Color.WHITE);
      g.drawString(text, (float) OFFSET, baseline - stripTop);
    } finally {
      g.dispose();
    }
    System.arraycopy(pixels, 0, img, stripTop * stride, stripH * stride);
  }
}
