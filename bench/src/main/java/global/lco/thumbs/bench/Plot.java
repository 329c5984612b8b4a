package global.lco.thumbs.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * The README's figure, drawn with Java2D: end-to-end times beside fits2image, cold throughput
 * against clients, the hit path against the bare lookup, and (after {@code --stages}) the stage
 * times of each frame.
 */
final class Plot {
  private static final int W = 1200;
  private static final int ROW = 460;
  private static final Color[] SERIES = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
      new Color(0xd62728)};
  private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 14);
  private static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

  private Plot() {
  }

  static void write(Path file, String machine, EndToEnd.Result e2e, List<StageBench.Result> renders) throws IOException {
    int h = ROW + (renders.isEmpty() ? 0 : ROW) + 30;
    var image = new BufferedImage(W, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, W, h);
    g.setColor(Color.DARK_GRAY);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    g.drawString(machine, 20, h - 10);
    endToEnd(g, e2e, 20, 10, 380, ROW - 20);
    throughput(g, e2e, 420, 10, 370, ROW - 20);
    hits(g, e2e, 820, 10, 360, ROW - 20);
    if (!renders.isEmpty()) {
      stages(g, renders, 20, ROW + 10, 1100, ROW - 20);
    }
    g.dispose();
    if (file.getParent() != null) {
      Files.createDirectories(file.getParent());
    }
    ImageIO.write(image, "png", file.toFile());
  }

  /** Vertical bar pairs per kind of request: fits2image and ours, median ms, with the ratio above. */
  private static void endToEnd(Graphics2D g, EndToEnd.Result r, int x, int y, int w, int h) {
    title(g, "Cold 4k → 500² JPEG, end to end, median ms", x, y);
    String[] names = {"mono", "median", "colour"};
    double max = 1;
    for (String mode : EndToEnd.MODES) {
      max = Math.max(max, r.ours(mode));
      if (r.fits2image() != null) {
        max = Math.max(max, Stats.median(r.fits2image().get(mode)));
      }
    }
    int top = y + 50;
    int bottom = y + h - 50;
    int group = (w - 20) / names.length;
    g.setFont(SMALL);
    for (int i = 0; i < names.length; i++) {
      String mode = EndToEnd.MODES[i];
      int gx = x + 10 + i * group;
      double[] values = {r.fits2image() == null ? Double.NaN : Stats.median(r.fits2image().get(mode)), r.ours(mode)};
      for (int s = 0; s < 2; s++) {
        if (Double.isNaN(values[s])) {
          continue;
        }
        int bh = (int) Math.round((bottom - top) * values[s] / max);
        int bx = gx + 10 + s * (group / 2 - 10);
        g.setColor(s == 0 ? Color.GRAY : SERIES[0]);
        g.fillRect(bx, bottom - bh, group / 2 - 20, Math.max(1, bh));
        g.setColor(Color.BLACK);
        g.drawString(String.format(Locale.ROOT, "%.0f", values[s]), bx, bottom - bh - 4);
      }
      g.drawString(names[i], gx + group / 2 - 20, bottom + 16);
      if (r.fits2image() != null) {
        g.setFont(TITLE);
        g.drawString(String.format(Locale.ROOT, "%.1f×", r.ratio(mode)), gx + group / 2 - 16, top - 20);
        g.setFont(SMALL);
      }
    }
    legend(g, x + 10, bottom + 30, new String[] {"fits2image 0.4.6", "ours (HTTP, cold)"},
        new Color[] {Color.GRAY, SERIES[0]});
  }

  /** Cold frames a second against clients (16 is the overload), the goal and fits2image's processes. */
  private static void throughput(Graphics2D g, EndToEnd.Result r, int x, int y, int w, int h) {
    title(g, "Cold 4k thumbnails per second", x, y);
    var levels = new java.util.ArrayList<>(r.levels());
    levels.add(r.overload());
    double max = EndToEndReport.THROUGHPUT_GOAL * 1.2;
    for (var l : levels) {
      max = Math.max(max, l.framesPerSecond() * 1.1);
    }
    int px = x + 40;
    int py = y + 40;
    int pw = w - 60;
    int ph = h - 110;
    axes(g, px, py, pw, ph, max, "frames/s");
    g.setFont(SMALL);
    int prevX = -1;
    int prevY = -1;
    for (int i = 0; i < levels.size(); i++) {
      var l = levels.get(i);
      int xx = px + (i + 1) * pw / (levels.size() + 1);
      int yy = py + ph - (int) (ph * l.framesPerSecond() / max);
      g.setColor(SERIES[0]);
      g.fillOval(xx - 4, yy - 4, 8, 8);
      if (prevX >= 0) {
        g.drawLine(prevX, prevY, xx, yy);
      }
      prevX = xx;
      prevY = yy;
      g.setColor(Color.BLACK);
      g.drawString(String.format(Locale.ROOT, "%.1f", l.framesPerSecond()), xx - 10, yy - 8);
      g.drawString(Integer.toString(l.clients()), xx - 6, py + ph + 16);
    }
    g.drawString("clients (16: overload)", px + pw / 2 - 50, py + ph + 32);
    hline(g, px, pw, py + ph - (int) (ph * EndToEndReport.THROUGHPUT_GOAL / max), SERIES[2], "goal");
    if (r.fits2imageThroughput() != null) {
      hline(g, px, pw, py + ph - (int) (ph * r.fits2imageThroughput().perSecond() / max), Color.GRAY,
          "fits2image, " + r.fits2imageThroughput().processes() + " processes");
    }
    g.setColor(Color.BLACK);
    g.drawString(String.format(Locale.ROOT, "peak RSS %.0f MiB; first renders %.0f / %.0f / %.0f ms",
        r.peakRss() / 1048576.0, r.first()[0], r.first()[Math.min(4, r.first().length - 1)],
        r.first()[r.first().length - 1]), px, py + ph + 52);
  }

  /** p50 and p99 of a stored hit and of the bare archive lookup, per number of connections. */
  private static void hits(Graphics2D g, EndToEnd.Result r, int x, int y, int w, int h) {
    title(g, "Hit vs bare archive lookup, ms", x, y);
    double max = 0.1;
    for (int i = 0; i < r.hits().size(); i++) {
      max = Math.max(max, Math.max(r.hits().get(i).p99(), r.lookups().get(i).p99()) * 1.1);
    }
    int px = x + 40;
    int py = y + 40;
    int pw = w - 50;
    int ph = h - 110;
    axes(g, px, py, pw, ph, max, "ms");
    int groups = r.hits().size();
    int gw = pw / Math.max(1, groups);
    g.setFont(SMALL);
    for (int i = 0; i < groups; i++) {
      double[] v = {r.lookups().get(i).p50(), r.hits().get(i).p50(), r.lookups().get(i).p99(), r.hits().get(i).p99()};
      Color[] c = {Color.GRAY, SERIES[0], Color.LIGHT_GRAY, SERIES[1]};
      int bw = (gw - 20) / 4;
      for (int k = 0; k < 4; k++) {
        int bh = (int) (ph * v[k] / max);
        int bx = px + i * gw + 10 + k * bw;
        g.setColor(c[k]);
        g.fillRect(bx, py + ph - bh, bw - 2, Math.max(1, bh));
        g.setColor(Color.BLACK);
        g.drawString(String.format(Locale.ROOT, "%.2f", v[k]), bx, py + ph - bh - 3);
      }
      g.drawString(r.hits().get(i).connections() + " conn.: " + String.format(Locale.ROOT, "%.2f×", r.hitRatio(i)),
          px + i * gw + 20, py + ph + 16);
    }
    legend(g, px, py + ph + 30, new String[] {"lookup p50", "hit p50", "lookup p99", "hit p99"},
        new Color[] {Color.GRAY, SERIES[0], Color.LIGHT_GRAY, SERIES[1]});
  }

  private static void title(Graphics2D g, String text, int x, int y) {
    g.setFont(TITLE);
    g.setColor(Color.BLACK);
    g.drawString(text, x, y + 14);
  }

  private static void axes(Graphics2D g, int px, int py, int pw, int ph, double max, String unit) {
    g.setFont(SMALL);
    g.setColor(Color.LIGHT_GRAY);
    g.drawRect(px, py, pw, ph);
    for (int k = 0; k <= 4; k++) {
      int yy = py + ph - k * ph / 4;
      g.setColor(new Color(0xeeeeee));
      g.drawLine(px + 1, yy, px + pw - 1, yy);
      g.setColor(Color.DARK_GRAY);
      g.drawString(fmt(max * k / 4), px - 36, yy + 4);
    }
    g.drawString(unit, px - 36, py - 8);
  }

  private static void hline(Graphics2D g, int px, int pw, int yy, Color c, String label) {
    g.setColor(c);
    g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
    g.drawLine(px, yy, px + pw, yy);
    g.setStroke(new BasicStroke(1f));
    g.drawString(label, px + 4, yy - 3);
  }

  private static void legend(Graphics2D g, int x, int y, String[] names, Color[] colours) {
    g.setFont(SMALL);
    int at = x;
    for (int i = 0; i < names.length; i++) {
      g.setColor(colours[i]);
      g.fillRect(at, y, 12, 12);
      g.setColor(Color.BLACK);
      g.drawString(names[i], at + 16, y + 11);
      at += 24 + g.getFontMetrics().stringWidth(names[i]);
    }
  }

  /** Horizontal bars: one group per stage, one bar per frame size, plus the end-to-end and bare-decode bars. */
  private static void stages(Graphics2D g, List<StageBench.Result> renders, int x, int y, int w, int h) {
    title(g, "Render stages in one JVM, median ms (500×500 JPEG)", x, y);
    String[] rows = new String[StageBench.STAGES.length + 3];
    System.arraycopy(StageBench.STAGES, 0, rows, 0, StageBench.STAGES.length);
    rows[rows.length - 3] = "bare decode";
    rows[rows.length - 2] = "render (cold)";
    rows[rows.length - 1] = "render median";
    double max = 1;
    for (var r : renders) {
      max = Math.max(max, Math.max(r.median(), Math.max(r.mono(), r.bareDecode())));
      for (double v : r.stages().values()) {
        max = Math.max(max, v);
      }
    }
    int labelW = 110;
    int top = y + 30;
    int rowH = (h - 60) / rows.length;
    int barH = Math.max(3, (rowH - 4) / Math.max(1, renders.size()));
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    for (int i = 0; i < rows.length; i++) {
      int ry = top + i * rowH;
      g.setColor(Color.BLACK);
      g.drawString(rows[i], x, ry + rowH / 2 + 4);
      for (int s = 0; s < renders.size(); s++) {
        var r = renders.get(s);
        double v = value(r, rows[i]);
        int bw = (int) Math.round((w - labelW - 60) * v / max);
        g.setColor(SERIES[s % SERIES.length]);
        g.fillRect(x + labelW, ry + s * barH, Math.max(1, bw), barH - 1);
        g.setColor(Color.DARK_GRAY);
        g.drawString(String.format("%.1f", v), x + labelW + bw + 4, ry + s * barH + barH - 2);
      }
    }
    int ly = top + rows.length * rowH + 10;
    for (int s = 0; s < renders.size(); s++) {
      g.setColor(SERIES[s % SERIES.length]);
      g.fillRect(x + labelW + s * 150, ly, 12, 12);
      g.setColor(Color.BLACK);
      g.drawString(renders.get(s).frame().name() + " RICE float", x + labelW + s * 150 + 16, ly + 11);
    }
  }

  private static double value(StageBench.Result r, String row) {
    return switch (row) {
      case "bare decode" -> r.bareDecode();
      case "render (cold)" -> r.mono();
      case "render median" -> r.median();
      default -> r.stages().getOrDefault(row, 0.0);
    };
  }

  private static String fmt(double v) {
    return v >= 10 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2g", v);
  }
}
