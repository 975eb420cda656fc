package io.sluice.examples.wordcount;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.examples.wordcount.it.MultilingualText;
import io.sluice.examples.wordcount.it.ReferenceWordCount;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenizerTest {

  private static List<String> words(String line) {
    List<String> words = new ArrayList<>();
    Tokenizer.words(line, words::add);
    return words;
  }

  @Test
  void latinWordsAreSplitAtSpacesAndPunctuationAndLowerCased() {
    assertThat(words("The quick, BROWN fox!  Jumps...over\tthe lazy-dog."))
        .containsExactly("the", "quick", "brown", "fox", "jumps", "over", "the", "lazy", "dog");
  }

  @Test
  void digitsBelongToWordsAndNumbersAreWords() {
    assertThat(words("Route66 in 2024: 3.14 and 1,000"))
        .containsExactly("route66", "in", "2024", "3", "14", "and", "1", "000");
  }

  @Test
  void apostrophesAndUnderscoresSplitWords() {
    assertThat(words("don't it’s O'Brien foo_bar"))
        .containsExactly("don", "t", "it", "s", "o", "brien", "foo", "bar");
  }

  @Test
  void mixedCaseSpellingsBecomeOneWord() {
    assertThat(words("Hello HELLO hello hElLo")).containsOnly("hello").hasSize(4);
  }

  @Test
  void lowerCasingIsLocaleIndependent() {
    // Locale.ROOT: "I" is "i" (not the Turkish dotless ı); "İ" is "i" plus a combining dot.
    assertThat(words("TITLE İstanbul")).containsExactly("title", "i\u0307stanbul");
  }

  @Test
  void aRunOfHanCharactersIsOneWordAndChinesePunctuationSplits() {
    assertThat(words("你好世界，数据流。中文 流")).containsExactly("你好世界", "数据流", "中文", "流");
  }

  @Test
  void otherScriptsAreLettersToo() {
    assertThat(words("Москва Σίσυφος مرحبا 東京タワー 한국어"))
        .containsExactly("москва", "σίσυφος", "مرحبا", "東京タワー", "한국어");
  }

  @Test
  void emojiAndSymbolsAreNotLetters() {
    assertThat(words("good😀day 👍🏽 ok❤️ € $5")).containsExactly("good", "day", "ok", "5");
  }

  @Test
  void combiningMarksAreNotLettersSoTheySplitAWord() {
    // U+0301 COMBINING ACUTE ACCENT is category Mn: a decomposed "é" ends the word before it.
    assertThat(words("cafe\u0301 café")).containsExactly("cafe", "café");
  }

  @Test
  void lettersOutsideTheBasicPlaneAreReadAsWholeCodePoints() {
    // Deseret capital letters (surrogate pairs) lower-case to Deseret small letters.
    assertThat(words("𐐀𐐁 x𠀀𠀁y 𝐀𝐁"))
        .containsExactly("\uD801\uDC28\uD801\uDC29", "x𠀀𠀁y", "𝐀𝐁");
  }

  @Test
  void allUnicodeNumberCategoriesCountAsWordCharacters() {
    // No (superscript two, vulgar fraction) and Nl (Roman numeral) are N, though not isDigit.
    assertThat(words("x² ½ Ⅻ ٣٤")).containsExactly("x²", "½", "ⅻ", "٣٤");
  }

  @Test
  void aLoneSurrogateSeparatesWords() {
    assertThat(words("ab\uD800cd")).containsExactly("ab", "cd");
  }

  @Test
  void linesWithoutLettersGiveNoWords() {
    assertThat(words("")).isEmpty();
    assertThat(words("  -- !!! 😀 ...")).isEmpty();
  }

  @Test
  void flatMapEmitsEachWordWithCountOne() {
    List<WordCount> out = new ArrayList<>();

    new Tokenizer().flatMap("Ja ja, nein", out::add);

    assertThat(out)
        .containsExactly(new WordCount("ja", 1), new WordCount("ja", 1), new WordCount("nein", 1));
  }

  @Test
  void agreesWithTheRegularExpressionReferenceOnGeneratedMultilingualText() {
    for (String line : MultilingualText.lines(42, 2_000)) {
      assertThat(words(line)).as("words of %s", line).isEqualTo(ReferenceWordCount.words(line));
    }
  }

  @Test
  void wordCodePointsAreExactlyTheLetterAndNumberCategories() {
    List<String> disagreements = new ArrayList<>();
    for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
      int type = Character.getType(codePoint);
      boolean letterOrNumber =
          Character.isLetter(codePoint)
              || type == Character.DECIMAL_DIGIT_NUMBER
              || type == Character.LETTER_NUMBER
              || type == Character.OTHER_NUMBER;
      if (Tokenizer.isWordCodePoint(codePoint) != letterOrNumber) {
        disagreements.add(String.format("U+%04X %s", codePoint, Character.getName(codePoint)));
      }
    }
    assertThat(disagreements).isEmpty();
  }
}
