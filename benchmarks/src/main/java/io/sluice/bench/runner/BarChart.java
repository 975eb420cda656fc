package io.sluice.bench.runner;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Draws the median throughput of both engines per case as grouped bars on a logarithmic axis (the
 * cases span two orders of magnitude), with the value and the Sluice/Flink ratio written on it.
 * Case labels are wrapped onto several lines to fit their group, and the values on the bars are
 * written upwards, so that neither overlaps its neighbour however many cases there are.
 */
final class BarChart {
  private static final Color SLUICE = new Color(0x1f77b4);
  private static final Color FLINK = new Color(0xe6550d);
  private static final int WIDTH = 1100;
  private static final int HEIGHT = 640;
  private static final int LEFT = 80;
  private static final int RIGHT = 30;
  private static final int TOP = 110;
  private static final int BOTTOM = 130;

  private BarChart() {}

  static void write(List<CaseSummary> summaries, String title, Path file) throws IOException {
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      draw(g, summaries, title);
    } finally {
      g.dispose();
    }
    if (!ImageIO.write(image, "png", file.toFile())) {
      throw new IOException("No PNG writer available for " + file);
    }
  }

  private static void draw(Graphics2D g, List<CaseSummary> summaries, String title) {
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, WIDTH, HEIGHT);
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
    g.drawString(title, LEFT, 28);

    double max = 1e5;
    double min = 1e5;
    for (CaseSummary s : summaries) {
      max = Math.max(max, Math.max(s.sluice().recordsPerSecond(), s.flink().recordsPerSecond()));
      min = Math.min(min, Math.min(s.sluice().recordsPerSecond(), s.flink().recordsPerSecond()));
    }
    double lowDecade = Math.floor(Math.log10(Math.max(1, min)));
    double highDecade = Math.ceil(Math.log10(max) + 0.05);
    int plotHeight = HEIGHT - TOP - BOTTOM;
    int plotWidth = WIDTH - LEFT - RIGHT;

    // axis, decade grid lines and labels
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    for (double d = lowDecade; d <= highDecade; d++) {
      int y = y(Math.pow(10, d), lowDecade, highDecade, plotHeight);
      g.setColor(new Color(0xdddddd));
      g.drawLine(LEFT, y, LEFT + plotWidth, y);
      g.setColor(Color.DARK_GRAY);
      g.drawString(Reports.count(Math.pow(10, d)), 8, y + 4);
    }
    g.setColor(Color.BLACK);
    g.drawLine(LEFT, TOP, LEFT, TOP + plotHeight);
    g.drawLine(LEFT, TOP + plotHeight, LEFT + plotWidth, TOP + plotHeight);
    g.drawString("records/s (log)", 8, TOP - 12);

    int groups = Math.max(1, summaries.size());
    int groupWidth = plotWidth / groups;
    int barWidth = Math.max(8, Math.min(70, groupWidth / 3));
    for (int i = 0; i < summaries.size(); i++) {
      CaseSummary s = summaries.get(i);
      int x0 = LEFT + i * groupWidth + (groupWidth - 2 * barWidth) / 2;
      bar(g, x0, barWidth, s.sluice().recordsPerSecond(), SLUICE, lowDecade, highDecade);
      bar(g, x0 + barWidth, barWidth, s.flink().recordsPerSecond(), FLINK, lowDecade, highDecade);
      g.setColor(Color.BLACK);
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
      int lineY = TOP + plotHeight + 18;
      for (String line : wrap(s.benchCase().label(), g.getFontMetrics(), groupWidth - 6)) {
        centered(g, line, x0 + barWidth, lineY);
        lineY += 15;
      }
      g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
      centered(g, String.format("%.2f×", s.ratio()), x0 + barWidth, lineY + 3);
    }

    // legend
    int ly = HEIGHT - 40;
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    legend(g, LEFT, ly, SLUICE, "Sluice");
    legend(g, LEFT + 110, ly, FLINK, "Apache Flink (MiniCluster)");
    g.setColor(Color.DARK_GRAY);
    g.drawString(
        "bold: Sluice/Flink throughput ratio; medians over repetitions", LEFT + 340, ly + 11);
  }

  private static void bar(
      Graphics2D g, int x, int width, double value, Color color, double low, double high) {
    int plotHeight = HEIGHT - TOP - BOTTOM;
    int top = y(value, low, high, plotHeight);
    g.setColor(color);
    g.fillRect(x, top, width - 2, TOP + plotHeight - top);
    g.setColor(Color.BLACK);
    g.setStroke(new BasicStroke(1f));
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    upwards(g, Reports.count(value), x + width / 2 + 4, top - 4);
  }

  /**
   * Splits {@code text} at spaces and hyphens (kept at the end of their line) into lines no wider
   * than {@code width}; a single piece wider than that gets a line of its own.
   */
  static List<String> wrap(String text, FontMetrics metrics, int width) {
    List<String> pieces = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ' ' || c == '-') {
        pieces.add(text.substring(start, i + 1));
        start = i + 1;
      }
    }
    if (start < text.length()) {
      pieces.add(text.substring(start));
    }
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String piece : pieces) {
      String candidate = line + piece;
      if (line.length() > 0 && metrics.stringWidth(candidate.strip()) > width) {
        lines.add(line.toString().strip());
        line.setLength(0);
      }
      line.append(piece);
    }
    if (line.length() > 0) {
      lines.add(line.toString().strip());
    }
    return lines;
  }

  /** Writes {@code text} from {@code (x, y)} upwards (rotated a quarter turn). */
  private static void upwards(Graphics2D g, String text, int x, int y) {
    var saved = g.getTransform();
    g.translate(x, y);
    g.rotate(-Math.PI / 2);
    g.drawString(text, 0, 0);
    g.setTransform(saved);
  }

  private static int y(double value, double lowDecade, double highDecade, int plotHeight) {
    double fraction = (Math.log10(Math.max(value, 1)) - lowDecade) / (highDecade - lowDecade);
    fraction = Math.max(0, Math.min(1, fraction));
    return TOP + plotHeight - (int) Math.round(fraction * plotHeight);
  }

  private static void centered(Graphics2D g, String text, int x, int y) {
    int w = g.getFontMetrics().stringWidth(text);
    g.drawString(text, x - w / 2, y);
  }

  private static void legend(Graphics2D g, int x, int y, Color color, String label) {
    g.setColor(color);
    g.fillRect(x, y, 14, 14);
    g.setColor(Color.BLACK);
    g.drawString(label, x + 20, y + 12);
  }
}
