package io.sluice.examples.wordcount;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class JobArgumentsTest {

  @Test
  void parsesInputAndOutputInEitherOrder() {
    assertThat(JobArguments.parse("--input", "in.txt", "--output", "out/counts.tsv"))
        .isEqualTo(new JobArguments(Path.of("in.txt"), Path.of("out/counts.tsv")));
    assertThat(JobArguments.parse("--output", "o", "--input", "i"))
        .isEqualTo(new JobArguments(Path.of("i"), Path.of("o")));
  }

  @Test
  void acceptsOptionEqualsValue() {
    assertThat(JobArguments.parse("--input=a b.txt", "--output=c.txt"))
        .isEqualTo(new JobArguments(Path.of("a b.txt"), Path.of("c.txt")));
  }

  @Test
  void missingInputIsNamedWithTheUsage() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> JobArguments.parse("--output", "out.txt"))
        .withMessage(
            "Missing required option --input. Usage: wordcount --input FILE --output FILE");
  }

  @Test
  void missingOutputIsNamedWithTheUsage() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> JobArguments.parse("--input", "in.txt"))
        .withMessage(
            "Missing required option --output. Usage: wordcount --input FILE --output FILE");
  }

  @Test
  void noArgumentsAtAllNamesTheFirstMissingOption() {
    assertThatIllegalArgumentException()
        .isThrownBy(JobArguments::parse)
        .withMessageContaining("--input")
        .withMessageEndingWith(JobArguments.USAGE);
  }

  @Test
  void optionWithoutValueIsRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> JobArguments.parse("--output", "o", "--input"))
        .withMessage("Option --input needs a file name. " + JobArguments.USAGE);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> JobArguments.parse("--input", "--output", "o"))
        .withMessage("Option --input needs a file name. " + JobArguments.USAGE);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> JobArguments.parse("--input=", "--output", "o"))
        .withMessage("Option --input needs a file name. " + JobArguments.USAGE);
  }

  @Test
  void unknownArgumentIsNamed() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> JobArguments.parse("--input", "i", "--output", "o", "--verbose", "x"))
        .withMessage("Unknown argument '--verbose'. " + JobArguments.USAGE);
  }

  @Test
  void repeatedOptionIsRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> JobArguments.parse("--input", "a", "--input", "b", "--output", "o"))
        .withMessage("Option --input is given twice. " + JobArguments.USAGE);
  }
}
