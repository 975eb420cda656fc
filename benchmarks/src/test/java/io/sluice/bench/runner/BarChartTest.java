package io.sluice.bench.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class BarChartTest {
  private static final FontMetrics METRICS = metrics();

  @Test
  void keepsALabelThatFitsOnOneLine() {
    assertThat(BarChart.wrap("nexmark-q11 p=1", METRICS, 1000)).containsExactly("nexmark-q11 p=1");
  }

  @Test
  void wrapsALongLabelAtSpacesAndHyphensIntoLinesThatFit() {
    String label = "nexmark-q11 p=1";
    int width = METRICS.stringWidth("nexmark-q11") + 1;

    List<String> lines = BarChart.wrap(label, METRICS, width);

    assertThat(lines).containsExactly("nexmark-q11", "p=1");
    assertThat(lines).allSatisfy(line -> assertThat(METRICS.stringWidth(line)).isLessThan(width));
  }

  @Test
  void givesAPieceWiderThanTheLineALineOfItsOwn() {
    assertThat(BarChart.wrap("keyby-reduce p=2", METRICS, 5))
        .containsExactly("keyby-", "reduce", "p=2");
  }

  private static FontMetrics metrics() {
    Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
    try {
      return g.getFontMetrics(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    } finally {
      g.dispose();
    }
  }
}
