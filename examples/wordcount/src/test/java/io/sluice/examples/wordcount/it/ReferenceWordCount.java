package io.sluice.examples.wordcount.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An independent, single-threaded WordCount used as the oracle of the tests: it finds words with a
 * regular expression over Unicode general categories ({@code [\p{L}\p{N}]+}, which matches whole
 * code points) in the whole file at once, instead of walking code points line by line as the job
 * does. Line breaks are not letters, so words never span lines and the two agree.
 */
public final class ReferenceWordCount {
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

  private ReferenceWordCount() {}

  /** The words of {@code text}, lower-cased, in order. */
  public static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    Matcher matcher = WORD.matcher(text);
    while (matcher.find()) {
      words.add(matcher.group().toLowerCase(Locale.ROOT));
    }
    return words;
  }

  /** The exact bytes the job must write for the UTF-8 text file {@code input}. */
  public static byte[] expectedOutput(Path input) throws IOException {
    return expectedOutput(Files.readString(input, StandardCharsets.UTF_8));
  }

  /** One {@code word\tcount\n} per distinct word, by count descending, then word ascending. */
  public static byte[] expectedOutput(String text) {
    Map<String, Long> counts = new HashMap<>();
    for (String word : words(text)) {
      counts.merge(word, 1L, Long::sum);
    }
    List<Map.Entry<String, Long>> entries = new ArrayList<>(counts.entrySet());
    entries.sort(
        (a, b) -> {
          int byCount = Long.compare(b.getValue(), a.getValue());
          return byCount != 0 ? byCount : a.getKey().compareTo(b.getKey());
        });
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, Long> entry : entries) {
      out.append(entry.getKey()).append('\t').append(entry.getValue()).append('\n');
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }
}
