package io.sluice.examples.hotitems;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates the committed sample {@code src/main/resources/sample/UserBehavior-sample.csv} from a
 * fixed seed: popular items are much more likely (a skewed choice among 200 items), behaviours are
 * mostly page views, and each line is up to four minutes older than the newest line before it (so
 * at most five minutes out of order). Run {@link #main} from the module directory to regenerate.
 */
final class SampleGenerator {
  static final Path SAMPLE = Path.of("src/main/resources/sample/UserBehavior-sample.csv");
  static final long SEED = 20171125L;
  static final int LINES = 4000;
  static final long START_SECONDS = 1_511_658_000L; // 2017-11-26T01:00:00Z

  private SampleGenerator() {}

  static List<String> generate() {
    Random random = new Random(SEED);
    List<String> lines = new ArrayList<>(LINES);
    long clock = START_SECONDS;
    for (int i = 0; i < LINES; i++) {
      clock += random.nextInt(5); // about 2 s between events: some 2.7 hours in all
      long timestamp = clock - random.nextInt(240);
      long item = 1000 + (long) Math.floor(Math.pow(random.nextDouble(), 3) * 200);
      long user = 1 + random.nextInt(500);
      int category = (int) (item % 20) + 1;
      lines.add(user + "," + item + "," + category + "," + behavior(random) + "," + timestamp);
    }
    return lines;
  }

  private static String behavior(Random random) {
    int roll = random.nextInt(100);
    if (roll < 85) {
      return "pv";
    } else if (roll < 92) {
      return "cart";
    } else if (roll < 96) {
      return "fav";
    }
    return "buy";
  }

  public static void main(String[] args) throws IOException {
    Files.write(SAMPLE, generate(), StandardCharsets.UTF_8);
  }
}
