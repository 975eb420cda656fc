package io.sluice.examples.wordcount;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SortAtEndTest {

  @Test
  void linesAreWordTabCountByCountDescending() {
    assertThat(
            SortAtEnd.sortedLines(
                List.of(new WordCount("b", 2), new WordCount("a", 1), new WordCount("c", 30))))
        .containsExactly("c\t30", "b\t2", "a\t1");
  }

  @Test
  void equalCountsAreOrderedByWordAscending() {
    assertThat(
            SortAtEnd.sortedLines(
                List.of(
                    new WordCount("zebra", 5),
                    new WordCount("apple", 5),
                    new WordCount("mango", 5),
                    new WordCount("kiwi", 9))))
        .containsExactly("kiwi\t9", "apple\t5", "mango\t5", "zebra\t5");
  }

  @Test
  void wordsCompareByUtf16CodeUnitsAsStringCompareToDoes() {
    // U+FF41 (fullwidth a) is one unit 0xFF41; U+10428 is the pair 0xD801 0xDC28, which sorts
    // first by String.compareTo although its code point is larger.
    String fullwidthA = "\uFF41";
    String deseret = "\uD801\uDC28";

    assertThat(
            SortAtEnd.sortedLines(List.of(new WordCount(fullwidthA, 1), new WordCount(deseret, 1))))
        .containsExactly(deseret + "\t1", fullwidthA + "\t1");
  }

  @Test
  void noCountsGiveNoLines() {
    assertThat(SortAtEnd.sortedLines(List.of())).isEmpty();
  }

  @Test
  void largeCountsAreWrittenInFull() {
    assertThat(new WordCount("x", 12_345_678_901L).toLine()).isEqualTo("x\t12345678901");
  }
}
