package io.sluice.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CommandLineTest {

  private static Command parse(String... args) {
    return CommandLine.parse(List.of(args));
  }

  @Test
  void noArgumentsAndHelpFlagsMeanHelp() {
    assertThat(parse()).isEqualTo(new Command.Help());
    assertThat(parse("--help")).isEqualTo(new Command.Help());
    assertThat(parse("help")).isEqualTo(new Command.Help());
  }

  @Test
  void runTakesParallelismInEverySpellingAndJobArgumentsAfterTheJob() {
    List<String> jobArgs = List.of("--input", "in.txt");
    Command.Run expected = new Command.Run("wordcount", 4, jobArgs);

    assertThat(parse("run", "wordcount", "--parallelism", "4", "--", "--input", "in.txt"))
        .isEqualTo(expected);
    assertThat(parse("run", "-p", "4", "wordcount", "--", "--input", "in.txt")).isEqualTo(expected);
    assertThat(parse("run", "wordcount", "--parallelism=4", "--", "--input", "in.txt"))
        .isEqualTo(expected);
  }

  @Test
  void argumentsAfterTheJobBelongToTheJobExceptTheLauncherParallelism() {
    assertThat(
            parse("run", "wordcount", "--input", "in.txt", "--parallelism", "2", "--output", "o"))
        .isEqualTo(new Command.Run("wordcount", 2, List.of("--input", "in.txt", "--output", "o")));
  }

  @Test
  void afterDoubleDashEvenParallelismBelongsToTheJob() {
    assertThat(parse("run", "job.jar", "-p", "3", "--", "--parallelism", "2"))
        .isEqualTo(new Command.Run("job.jar", 3, List.of("--parallelism", "2")));
  }

  @Test
  void doubleDashBeforeTheJobStillNamesTheJob() {
    assertThat(parse("submit", "--", "job.jar", "x"))
        .isEqualTo(new Command.Submit("job.jar", 0, List.of("x")));
  }

  @Test
  void unknownOptionBeforeTheJobIsAnError() {
    assertThatThrownBy(() -> parse("run", "--parallelsm", "2", "wordcount"))
        .isInstanceOf(UsageException.class)
        .hasMessage("unknown option --parallelsm for run before the JOB; see: sluice help");
  }

  @Test
  void badParallelismAndMissingJobAreErrors() {
    assertThatThrownBy(() -> parse("run", "wordcount", "-p", "zero"))
        .hasMessage("--parallelism must be a positive integer, not 'zero'");
    assertThatThrownBy(() -> parse("run", "wordcount", "-p", "0"))
        .hasMessage("--parallelism must be a positive integer, not '0'");
    assertThatThrownBy(() -> parse("run", "wordcount", "-p"))
        .hasMessage("-p needs a value, e.g. -p 2");
    assertThatThrownBy(() -> parse("submit")).hasMessageStartingWith("submit needs a JOB");
  }

  @Test
  void featureCommandsTakeActionNameAndDryRun() {
    assertThat(parse("feature", "install", "kafka", "--dry-run"))
        .isEqualTo(new Command.FeatureChange(true, "kafka", true));
    assertThat(parse("feature", "uninstall", "kafka"))
        .isEqualTo(new Command.FeatureChange(false, "kafka", false));
    assertThatThrownBy(() -> parse("feature", "remove", "kafka"))
        .hasMessage("feature takes install or uninstall, not 'remove'");
    assertThatThrownBy(() -> parse("feature", "install"))
        .hasMessageStartingWith("feature install needs a feature NAME");
    assertThatThrownBy(() -> parse("feature", "install", "a", "b"))
        .hasMessage("feature install takes one NAME, got 'a' and 'b'");
  }

  @Test
  void singleArgumentCommandsCheckTheirArgument() {
    assertThat(parse("cancel", "job-1")).isEqualTo(new Command.Cancel("job-1"));
    assertThat(parse("install", "x.jar")).isEqualTo(new Command.Install("x.jar"));
    assertThat(parse("uninstall", "12")).isEqualTo(new Command.Uninstall(12));
    assertThatThrownBy(() -> parse("uninstall", "twelve"))
        .hasMessage("BUNDLE_ID must be a bundle number from 'sluice bundles', not 'twelve'");
    assertThatThrownBy(() -> parse("cancel")).hasMessage("cancel takes exactly one JOB_ID");
    assertThatThrownBy(() -> parse("cancel", "a", "b"))
        .hasMessage("cancel takes exactly one JOB_ID, got: a b");
  }

  @Test
  void commandsWithoutArgumentsRefuseExtraOnesAndUnknownCommandsAreNamed() {
    assertThat(parse("start")).isEqualTo(new Command.Start());
    assertThat(parse("list")).isEqualTo(new Command.ListJobs());
    assertThatThrownBy(() -> parse("lsit")).hasMessage("unknown command 'lsit'; see: sluice help");
  }

  @Test
  void runAndSubmitTakeASavepointToStartFromInBothSpellingsAndNeverPassItToTheJob() {
    assertThat(
            parse(
                "run",
                "wordcount",
                "--input",
                "in.txt",
                "--from-savepoint",
                "/sp/savepoint-1",
                "--allow-non-restored-state",
                "-p",
                "2"))
        .isEqualTo(
            new Command.Run(
                "wordcount",
                2,
                List.of("--input", "in.txt"),
                new Command.Restore("/sp/savepoint-1", true)));
    assertThat(parse("submit", "--from-savepoint=sp", "job.jar", "x"))
        .isEqualTo(
            new Command.Submit("job.jar", 0, List.of("x"), new Command.Restore("sp", false)));
    assertThat(parse("run", "job.jar", "--", "--from-savepoint", "sp"))
        .isEqualTo(new Command.Run("job.jar", 0, List.of("--from-savepoint", "sp")));
  }

  @Test
  void aSavepointOptionWithoutPathAndNonRestoredStateWithoutSavepointAreErrors() {
    assertThatThrownBy(() -> parse("run", "job.jar", "--from-savepoint"))
        .isInstanceOf(UsageException.class)
        .hasMessage(
            "--from-savepoint needs the savepoint's folder, as sluice savepoint printed it");
    assertThatThrownBy(() -> parse("submit", "job.jar", "--from-savepoint="))
        .isInstanceOf(UsageException.class)
        .hasMessageStartingWith("--from-savepoint needs the savepoint's folder");
    assertThatThrownBy(() -> parse("run", "job.jar", "--allow-non-restored-state"))
        .isInstanceOf(UsageException.class)
        .hasMessage("--allow-non-restored-state only applies with --from-savepoint PATH");
  }

  @Test
  void savepointTakesAJobAndAnOptionalFolder() {
    assertThat(parse("savepoint", "job-0001")).isEqualTo(new Command.Savepoint("job-0001", null));
    assertThat(parse("savepoint", "job-0001", "/tmp/sp"))
        .isEqualTo(new Command.Savepoint("job-0001", "/tmp/sp"));
    assertThatThrownBy(() -> parse("savepoint"))
        .isInstanceOf(UsageException.class)
        .hasMessageStartingWith("savepoint takes a JOB_ID and an optional target folder");
    assertThatThrownBy(() -> parse("savepoint", "job-1", "a", "b"))
        .isInstanceOf(UsageException.class)
        .hasMessageEndingWith("got: job-1 a b");
  }

  @Test
  void stopWithoutArgumentsStopsThePlatformAndWithAJobNeedsSavepoint() {
    assertThat(parse("stop")).isEqualTo(new Command.Stop());
    assertThat(parse("stop", "job-0002", "--savepoint"))
        .isEqualTo(new Command.StopJob("job-0002", null));
    assertThat(parse("stop", "job-0002", "--savepoint", "/tmp/sp"))
        .isEqualTo(new Command.StopJob("job-0002", "/tmp/sp"));
    assertThat(parse("stop", "--savepoint=/tmp/sp", "job-0002"))
        .isEqualTo(new Command.StopJob("job-0002", "/tmp/sp"));
    assertThatThrownBy(() -> parse("stop", "now"))
        .isInstanceOf(UsageException.class)
        .hasMessage(
            "stop now needs --savepoint [DIR] (a stopped job resumes from its savepoint); to end"
                + " it without one: sluice cancel now; to stop the platform: sluice stop");
    assertThatThrownBy(() -> parse("stop", "--savepoint"))
        .isInstanceOf(UsageException.class)
        .hasMessage("stop --savepoint needs a JOB_ID; list jobs with: sluice list");
    assertThatThrownBy(() -> parse("stop", "job-1", "--drain"))
        .isInstanceOf(UsageException.class)
        .hasMessage("unknown option --drain for stop; only --savepoint [DIR]");
  }

  @Test
  void backendShowsOrSelectsAStateBackend() {
    assertThat(parse("backend")).isEqualTo(new Command.ShowBackends());
    assertThat(parse("backend", "state", "rocksdb"))
        .isEqualTo(new Command.SelectStateBackend("rocksdb"));
    assertThatThrownBy(() -> parse("backend", "state"))
        .isInstanceOf(UsageException.class)
        .hasMessageStartingWith("backend state takes one NAME");
    assertThatThrownBy(() -> parse("backend", "shuffle", "netty"))
        .isInstanceOf(UsageException.class)
        .hasMessage(
            "backend takes no arguments (show the selection) or: state NAME; not 'shuffle'");
  }
}
