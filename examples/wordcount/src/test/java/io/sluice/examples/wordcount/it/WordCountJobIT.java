package io.sluice.examples.wordcount.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.sluice.examples.wordcount.it.jobs.FailingJob;
import io.sluice.platform.JobControl;
import io.sluice.platform.JobInfo;
import io.sluice.platform.SubmitOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * The WordCount bundle submitted through {@link JobControl} on the core feature: its output matches
 * the reference byte for byte at several parallelisms, and failing jobs are reported with their
 * cause.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class WordCountJobIT {
  @Inject private BundleContext context;

  @Configuration
  public Option[] configuration() {
    return CoreFeature.options();
  }

  @Test
  public void outputOfMultilingualTextMatchesTheReferenceAtParallelismOneTwoAndThree()
      throws Exception {
    Platform platform = new Platform(context);
    JobControl control = platform.jobControl();
    Path dir = CoreFeature.workDirectory("wordcount-multilingual");
    Path input = MultilingualText.write(dir.resolve("input.txt"), 20_241_121L, 4_000);
    String expected = new String(ReferenceWordCount.expectedOutput(input), StandardCharsets.UTF_8);

    for (int parallelism : new int[] {1, 2, 3}) {
      Path output = dir.resolve("counts-p" + parallelism + ".tsv");
      JobInfo end = runWordCount(platform, control, input, output, parallelism);

      assertEquals("job at parallelism " + parallelism + ": " + end, "FINISHED", end.status());
      String actual = Files.readString(output, StandardCharsets.UTF_8);
      assertSameLines("output at parallelism " + parallelism, expected, actual);
    }
  }

  @Test
  public void missingOutputOptionFailsTheJobNamingTheOptionAndTheUsage() throws Exception {
    Platform platform = new Platform(context);
    JobControl control = platform.jobControl();
    Bundle bundle = platform.install(CoreFeature.wordCountJar(), "test:wordcount-no-output");
    try {
      JobInfo end =
          Platform.runToEnd(control, bundle, new SubmitOptions(List.of("--input", "in.txt"), 1));

      assertEquals(end.toString(), "FAILED", end.status());
      assertContains(end, "--output");
      assertContains(end, "Usage: wordcount --input FILE --output FILE");
    } finally {
      platform.uninstallAndRefresh(bundle);
    }
  }

  @Test
  public void jobThatThrowsFailsWithAnErrorNamingTheException() throws Exception {
    Platform platform = new Platform(context);
    JobControl control = platform.jobControl();
    byte[] jar =
        JobJars.jobBundle("test.failing.job", FailingJob.class.getName(), FailingJob.class);
    Bundle bundle = platform.install(jar, "test:failing-job");
    try {
      JobInfo end = Platform.runToEnd(control, bundle, SubmitOptions.of());

      assertEquals(end.toString(), "FAILED", end.status());
      assertContains(end, IllegalStateException.class.getName());
      assertContains(end, FailingJob.MESSAGE);
    } finally {
      platform.uninstallAndRefresh(bundle);
    }
  }

  @Test
  public void jobClassThatDoesNotExistIsReportedByName() throws Exception {
    Platform platform = new Platform(context);
    JobControl control = platform.jobControl();
    String missingClass = "io.sluice.examples.nowhere.NoSuchJob";
    byte[] jar = JobJars.jobBundle("test.missing.job.class", missingClass, FailingJob.class);
    Bundle bundle = platform.install(jar, "test:missing-job-class");
    try {
      JobInfo submitted;
      try {
        submitted = control.submit(bundle, SubmitOptions.of());
      } catch (RuntimeException rejected) {
        assertTrue(
            "submit was rejected, but its message does not name " + missingClass + ": " + rejected,
            String.valueOf(rejected.getMessage()).contains(missingClass));
        return;
      }
      JobInfo end = Platform.awaitEnd(control, submitted);
      assertEquals(end.toString(), "FAILED", end.status());
      assertContains(end, missingClass);
    } finally {
      platform.uninstallAndRefresh(bundle);
    }
  }

  private static JobInfo runWordCount(
      Platform platform, JobControl control, Path input, Path output, int parallelism)
      throws Exception {
    Bundle bundle = platform.install(CoreFeature.wordCountJar(), "test:wordcount-p" + parallelism);
    try {
      return Platform.runToEnd(
          control,
          bundle,
          new SubmitOptions(
              List.of("--input", input.toString(), "--output", output.toString()), parallelism));
    } finally {
      platform.uninstallAndRefresh(bundle);
    }
  }

  private static void assertContains(JobInfo job, String expected) {
    assertTrue(
        "error of " + job.status() + " job does not mention '" + expected + "': " + job.error(),
        job.error() != null && job.error().contains(expected));
  }

  /** Compares line by line first, so a mismatch names the first differing line. */
  static void assertSameLines(String what, String expected, String actual) {
    String[] expectedLines = expected.split("\n", -1);
    String[] actualLines = actual.split("\n", -1);
    for (int i = 0; i < Math.min(expectedLines.length, actualLines.length); i++) {
      if (!expectedLines[i].equals(actualLines[i])) {
        fail(
            what
                + " differs at line "
                + (i + 1)
                + ": expected '"
                + expectedLines[i]
                + "' but was '"
                + actualLines[i]
                + "'");
      }
    }
    assertEquals(what + ": number of lines", expectedLines.length, actualLines.length);
    assertEquals(what, expected, actual);
  }
}
