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
import java.util.Map;
import javax.imageio.ImageIO;

/** The README's figure, drawn with Java2D: stage times of each frame, and hit-path latency against concurrency. */
final class Plot {
  private static final int W = 1200;
  private static final int H = 520;
  private static final Color[] SERIES = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
      new Color(0xd62728)};

  private Plot() {
  }

  static void write(Path file, String machine, List<StageBench.Result> renders,
                    List<LoadDriver.Level> hits, List<LoadDriver.Level> archive) throws IOException {
    var image = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, W, H);
    g.setColor(Color.DARK_GRAY);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    g.drawString(machine, 20, H - 10);
    stages(g, renders, 20, 20, 560, 460);
    if (!hits.isEmpty()) {
      latency(g, hits, archive, 640, 20, 540, 460);
    }
    g.dispose();
    if (file.getParent() != null) {
      Files.createDirectories(file.getParent());
    }
    ImageIO.write(image, "png", file.toFile());
  }

  /** Horizontal bars: one group per stage, one bar per frame size, plus the end-to-end and bare-decode bars. */
  private static void stages(Graphics2D g, List<StageBench.Result> renders, int x, int y, int w, int h) {
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
    g.setColor(Color.BLACK);
    g.drawString("Render stages, median ms (500×500 JPEG)", x, y + 14);
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

  /** p50 and p99 latency against connections (log scale both ways), service hit against archive lookup. */
  private static void latency(Graphics2D g, List<LoadDriver.Level> hits, List<LoadDriver.Level> archive,
                              int x, int y, int w, int h) {
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
    g.setColor(Color.BLACK);
    g.drawString("Hit path: latency vs concurrent connections", x, y + 14);
    int px = x + 50;
    int py = y + 40;
    int pw = w - 70;
    int ph = h - 110;
    double lo = Double.MAX_VALUE;
    double hi = 0;
    for (var l : hits) {
      lo = Math.min(lo, l.p50());
      hi = Math.max(hi, l.p99());
    }
    for (var l : archive) {
      lo = Math.min(lo, l.p50());
      hi = Math.max(hi, l.p99());
    }
    double logLo = Math.floor(Math.log10(Math.max(lo, 0.01)));
    double logHi = Math.ceil(Math.log10(Math.max(hi, 0.1)));
    if (logHi <= logLo) {
      logHi = logLo + 1;
    }
    g.setColor(Color.LIGHT_GRAY);
    g.drawRect(px, py, pw, ph);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    for (double d = logLo; d <= logHi; d++) {
      int yy = py + ph - (int) ((d - logLo) / (logHi - logLo) * ph);
      g.setColor(Color.LIGHT_GRAY);
      g.drawLine(px, yy, px + pw, yy);
      g.setColor(Color.BLACK);
      g.drawString(String.format("%s ms", fmt(Math.pow(10, d))), x, yy + 4);
    }
    int n = hits.size();
    for (int i = 0; i < n; i++) {
      int xx = px + (n == 1 ? pw / 2 : i * pw / (n - 1));
      g.setColor(Color.BLACK);
      g.drawString(Integer.toString(hits.get(i).connections()), xx - 8, py + ph + 16);
    }
    g.drawString("connections", px + pw / 2 - 30, py + ph + 32);
    Map<String, List<LoadDriver.Level>> series = new java.util.LinkedHashMap<>();
    series.put("service hit", hits);
    series.put("archive lookup", archive);
    int s = 0;
    int legendY = py + ph + 50;
    for (var entry : series.entrySet()) {
      for (int q = 0; q < 2; q++) {
        Color c = SERIES[s % SERIES.length];
        g.setColor(c);
        g.setStroke(q == 0 ? new BasicStroke(2f)
            : new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        int prevX = -1;
        int prevY = -1;
        var levels = entry.getValue();
        for (int i = 0; i < levels.size(); i++) {
          double v = q == 0 ? levels.get(i).p50() : levels.get(i).p99();
          int xx = px + (levels.size() == 1 ? pw / 2 : i * pw / (levels.size() - 1));
          int yy = py + ph - (int) ((Math.log10(Math.max(v, 1e-3)) - logLo) / (logHi - logLo) * ph);
          g.fillOval(xx - 3, yy - 3, 6, 6);
          if (prevX >= 0) {
            g.drawLine(prevX, prevY, xx, yy);
          }
          prevX = xx;
          prevY = yy;
        }
        g.drawLine(px + s * 260 + (q * 120), legendY + 6, px + s * 260 + (q * 120) + 24, legendY + 6);
        g.setColor(Color.BLACK);
        g.drawString(entry.getKey() + (q == 0 ? " p50" : " p99"), px + s * 260 + q * 120 + 28, legendY + 10);
      }
      s++;
    }
    g.setStroke(new BasicStroke(1f));
  }

  private static String fmt(double v) {
    return v >= 1 ? String.format("%.0f", v) : String.format("%.2g", v);
  }
}
