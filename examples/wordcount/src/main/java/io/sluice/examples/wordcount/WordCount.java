package io.sluice.examples.wordcount;

import java.util.Comparator;
import java.util.Objects;

/**
 * A word and how often it was seen: 1 straight out of the {@link Tokenizer}, the final count after
 * {@link CountPerWord}.
 *
 * @param word a maximal run of letters and digits, lower-cased
 * @param count how often the word occurred
 */
public record WordCount(String word, long count) {

  /** The output order: most frequent first, ties broken by {@link String#compareTo} of the word. */
  public static final Comparator<WordCount> BY_COUNT_DESCENDING_THEN_WORD =
      Comparator.comparingLong(WordCount::count).reversed().thenComparing(WordCount::word);

  public WordCount {
    Objects.requireNonNull(word, "word");
  }

  /** One output line: the word, a tab, the count. */
  public String toLine() {
    return word + '\t' + count;
  }
}
