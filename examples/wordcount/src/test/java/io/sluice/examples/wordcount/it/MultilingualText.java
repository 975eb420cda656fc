package io.sluice.examples.wordcount.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates reproducible test input that exercises the word rules: Latin with mixed case and
 * apostrophes, accented and non-Latin scripts, Han runs, digits of several scripts, letters outside
 * the BMP (surrogate pairs), emoji, combining marks, and assorted punctuation and white space.
 */
public final class MultilingualText {
  private static final String[] TOKENS = {
    "The",
    "the",
    "THE",
    "quick",
    "Brown",
    "fox",
    "don't",
    "it's",
    "O'Brien",
    "foo_bar",
    "C++",
    "user@example.com",
    "well-known",
    "Straße",
    "STRASSE",
    "Über",
    "über",
    "ÄPFEL",
    "äpfel",
    "Σίσυφος",
    "ΟΔΟΣ",
    "Москва",
    "МОСКВА",
    "привет",
    "你好世界",
    "数据流",
    "中文",
    "流",
    "東京タワー",
    "ひらがな",
    "مرحبا",
    "नमस्ते",
    "한국어",
    "2024",
    "007",
    "٣٤",
    "x²",
    "½",
    "Ⅻ",
    "𐐀𐐁",
    "𐐨",
    "𠀀𠀁",
    "𝐀𝐁𝐂",
    "😀",
    "👍🏽",
    "café",
    "cafe\u0301",
    "İstanbul",
    "ǅungla",
    "ﬁne",
    "ｆｕｌｌ"
  };
  private static final String[] SEPARATORS = {
    " ", " ", " ", "  ", "\t", ", ", ". ", "! ", "? ", " — ", "'", "\"", "（", "）", "，", "。", "、",
    "…", " 😀 ", "-", "/", "\u00A0", "\u3000"
  };

  private MultilingualText() {}

  /** {@code lineCount} lines of 0 to 12 tokens each, the same for the same seed. */
  public static List<String> lines(long seed, int lineCount) {
    Random random = new Random(seed);
    List<String> lines = new ArrayList<>(lineCount);
    for (int i = 0; i < lineCount; i++) {
      StringBuilder line = new StringBuilder();
      int tokens = random.nextInt(13);
      for (int t = 0; t < tokens; t++) {
        if (t > 0 || random.nextInt(8) == 0) {
          line.append(SEPARATORS[random.nextInt(SEPARATORS.length)]);
        }
        line.append(TOKENS[random.nextInt(TOKENS.length)]);
      }
      lines.add(line.toString());
    }
    return lines;
  }

  /** Writes {@link #lines} as a UTF-8 file with {@code \n} line ends (and a few {@code \r\n}). */
  public static Path write(Path file, long seed, int lineCount) throws IOException {
    StringBuilder text = new StringBuilder();
    int i = 0;
    for (String line : lines(seed, lineCount)) {
      text.append(line).append(i++ % 97 == 0 ? "\r\n" : "\n");
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    return Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
