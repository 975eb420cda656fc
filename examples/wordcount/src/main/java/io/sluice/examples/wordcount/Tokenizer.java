package io.sluice.examples.wordcount;

import io.sluice.api.functions.Collector;
import io.sluice.api.functions.FlatMapFunction;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Splits a line into words, each emitted with count 1.
 *
 * <p>A word is a maximal run of code points whose Unicode general category is a letter (L: Lu, Ll,
 * Lt, Lm, Lo) or a number (N: Nd, Nl, No). Everything else separates words: spaces, punctuation,
 * apostrophes ("don't" is "don" and "t"), symbols and emoji, and combining marks (Mn, Mc, Me), so a
 * decomposed "e&#x301;" splits where the accent is. Note that N is wider than {@link
 * Character#isLetterOrDigit}, which admits only Nd: "x²" and "½" are words here. A run of Han
 * characters is one word, since they are letters (Lo). Code points are read as such, so letters
 * outside the Basic Multilingual Plane (surrogate pairs) are letters too.
 *
 * <p>Words are lower-cased with {@link Locale#ROOT} after they are cut, so lower-casing may produce
 * characters that would not have joined a word themselves ("İ" becomes "i" and a combining dot).
 *
 * <p>Stateless and pure: the same line always gives the same words.
 */
public final class Tokenizer implements FlatMapFunction<String, WordCount> {
  private static final long serialVersionUID = 1L;

  @Override
  public void flatMap(String line, Collector<WordCount> out) {
    words(line, word -> out.collect(new WordCount(word, 1)));
  }

  /** Hands every word of {@code line}, in order, to {@code sink}. */
  public static void words(CharSequence line, Consumer<String> sink) {
    int length = line.length();
    int start = -1; // char index where the current word began, or -1 between words
    int i = 0;
    while (i < length) {
      int codePoint = Character.codePointAt(line, i);
      if (isWordCodePoint(codePoint)) {
        if (start < 0) {
          start = i;
        }
      } else if (start >= 0) {
        sink.accept(lowerCase(line, start, i));
        start = -1;
      }
      i += Character.charCount(codePoint);
    }
    if (start >= 0) {
      sink.accept(lowerCase(line, start, length));
    }
  }

  /** Whether the code point is in Unicode category L or N, and so part of a word. */
  public static boolean isWordCodePoint(int codePoint) {
    return switch (Character.getType(codePoint)) {
      case Character.UPPERCASE_LETTER,
          Character.LOWERCASE_LETTER,
          Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER,
          Character.OTHER_LETTER,
          Character.DECIMAL_DIGIT_NUMBER,
          Character.LETTER_NUMBER,
          Character.OTHER_NUMBER ->
          true;
      default -> false;
    };
  }

  private static String lowerCase(CharSequence line, int start, int end) {
    return line.subSequence(start, end).toString().toLowerCase(Locale.ROOT);
  }
}
