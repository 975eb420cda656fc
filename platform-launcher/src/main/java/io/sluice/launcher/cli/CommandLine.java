package io.sluice.launcher.cli;

import java.util.List;

/**
 * Parses {@code sluice} arguments into a {@link Command}. Job commands take the launcher options
 * {@code --parallelism N} ({@code -p N}, {@code --parallelism=N}), {@code --from-savepoint PATH}
 * ({@code --from-savepoint=PATH}) and {@code --allow-non-restored-state} anywhere; every other
 * argument after JOB belongs to the job ({@code sluice run wordcount --input a.txt --output
 * b.tsv}), and everything after {@code --} does too, even {@code --parallelism}. An option before
 * JOB that the launcher does not know is an error.
 */
public final class CommandLine {

  private CommandLine() {}

  /**
   * @throws UsageException saying what is wrong
   */
  public static Command parse(List<String> args) {
    if (args.isEmpty()) {
      return new Command.Help();
    }
    String name = args.get(0);
    List<String> rest = args.subList(1, args.size());
    return switch (name) {
      case "help", "-h", "--help" -> new Command.Help();
      case "run" -> {
        JobArgs job = jobArgs("run", rest);
        yield new Command.Run(job.job, job.parallelism, job.args, job.restore());
      }
      case "submit" -> {
        JobArgs job = jobArgs("submit", rest);
        yield new Command.Submit(job.job, job.parallelism, job.args, job.restore());
      }
      case "start" -> none(name, rest, new Command.Start());
      case "stop" -> rest.isEmpty() ? new Command.Stop() : stopJob(rest);
      case "savepoint" -> savepoint(rest);
      case "backend" -> backend(rest);
      case "serve" -> none(name, rest, new Command.Serve());
      case "list" -> none(name, rest, new Command.ListJobs());
      case "bundles" -> none(name, rest, new Command.Bundles());
      case "features" -> none(name, rest, new Command.Features());
      case "cancel" -> new Command.Cancel(one(name, "JOB_ID", rest));
      case "install" -> new Command.Install(one(name, "JAR", rest));
      case "uninstall" -> new Command.Uninstall(bundleId(one(name, "BUNDLE_ID", rest)));
      case "feature" -> feature(rest);
      default -> throw new UsageException("unknown command '" + name + "'; see: sluice help");
    };
  }

  private record JobArgs(
      String job,
      int parallelism,
      List<String> args,
      String fromSavepoint,
      boolean allowNonRestoredState) {
    Command.Restore restore() {
      return fromSavepoint == null && !allowNonRestoredState
          ? Command.Restore.NONE
          : new Command.Restore(fromSavepoint, allowNonRestoredState);
    }
  }

  private static final String FROM_SAVEPOINT = "--from-savepoint";
  private static final String ALLOW_NON_RESTORED = "--allow-non-restored-state";

  private static JobArgs jobArgs(String command, List<String> tokens) {
    String job = null;
    int parallelism = 0;
    String fromSavepoint = null;
    boolean allowNonRestored = false;
    List<String> jobArguments = new java.util.ArrayList<>();
    int i = 0;
    while (i < tokens.size()) {
      String token = tokens.get(i);
      if (token.equals("--")) {
        int rest = i + 1;
        if (job == null && rest < tokens.size()) {
          job = tokens.get(rest++);
        }
        jobArguments.addAll(tokens.subList(rest, tokens.size()));
        break;
      } else if (token.equals("--parallelism") || token.equals("-p")) {
        if (i + 1 >= tokens.size()) {
          throw new UsageException(token + " needs a value, e.g. " + token + " 2");
        }
        parallelism = parallelism(tokens.get(i + 1));
        i += 2;
      } else if (token.startsWith("--parallelism=")) {
        parallelism = parallelism(token.substring("--parallelism=".length()));
        i++;
      } else if (token.equals(FROM_SAVEPOINT)) {
        if (i + 1 >= tokens.size() || tokens.get(i + 1).isBlank()) {
          throw new UsageException(
              FROM_SAVEPOINT + " needs the savepoint's folder, as sluice savepoint printed it");
        }
        fromSavepoint = tokens.get(i + 1);
        i += 2;
      } else if (token.startsWith(FROM_SAVEPOINT + "=")) {
        fromSavepoint = token.substring(FROM_SAVEPOINT.length() + 1);
        if (fromSavepoint.isBlank()) {
          throw new UsageException(
              FROM_SAVEPOINT + " needs the savepoint's folder, as sluice savepoint printed it");
        }
        i++;
      } else if (token.equals(ALLOW_NON_RESTORED)) {
        allowNonRestored = true;
        i++;
      } else if (job == null && token.startsWith("-") && token.length() > 1) {
        throw new UsageException(
            "unknown option " + token + " for " + command + " before the JOB; see: sluice help");
      } else if (job == null) {
        job = token;
        i++;
      } else {
        jobArguments.add(token); // everything else after JOB belongs to the job
        i++;
      }
    }
    if (job == null) {
      throw new UsageException(
          command
              + " needs a JOB: a bundle jar or the name of an example, e.g. sluice "
              + command
              + " wordcount");
    }
    if (allowNonRestored && fromSavepoint == null) {
      throw new UsageException(
          ALLOW_NON_RESTORED + " only applies with " + FROM_SAVEPOINT + " PATH");
    }
    return new JobArgs(
        job, parallelism, List.copyOf(jobArguments), fromSavepoint, allowNonRestored);
  }

  /** {@code savepoint JOB_ID [DIR]}. */
  private static Command savepoint(List<String> tokens) {
    if (tokens.isEmpty() || tokens.size() > 2 || tokens.get(0).startsWith("-")) {
      throw new UsageException(
          "savepoint takes a JOB_ID and an optional target folder, e.g. sluice savepoint job-0001"
              + " /tmp/savepoints"
              + (tokens.isEmpty() ? "" : "; got: " + String.join(" ", tokens)));
    }
    return new Command.Savepoint(tokens.get(0), tokens.size() == 2 ? tokens.get(1) : null);
  }

  /** {@code stop JOB_ID --savepoint [DIR]} (plain {@code stop} stops the platform). */
  private static Command stopJob(List<String> tokens) {
    String jobId = null;
    String directory = null;
    boolean savepoint = false;
    for (String token : tokens) {
      if (token.equals("--savepoint")) {
        savepoint = true;
      } else if (token.startsWith("--savepoint=")) {
        savepoint = true;
        directory = token.substring("--savepoint=".length());
      } else if (token.startsWith("-")) {
        throw new UsageException("unknown option " + token + " for stop; only --savepoint [DIR]");
      } else if (jobId == null) {
        jobId = token;
      } else if (savepoint && directory == null) {
        directory = token;
      } else {
        throw new UsageException("stop takes JOB_ID --savepoint [DIR]; unexpected '" + token + "'");
      }
    }
    if (jobId == null) {
      throw new UsageException("stop --savepoint needs a JOB_ID; list jobs with: sluice list");
    }
    if (!savepoint) {
      throw new UsageException(
          "stop "
              + jobId
              + " needs --savepoint [DIR] (a stopped job resumes from its savepoint); to end it"
              + " without one: sluice cancel "
              + jobId
              + "; to stop the platform: sluice stop");
    }
    return new Command.StopJob(jobId, directory == null || directory.isBlank() ? null : directory);
  }

  /** {@code backend} or {@code backend state NAME}. */
  private static Command backend(List<String> tokens) {
    if (tokens.isEmpty()) {
      return new Command.ShowBackends();
    }
    if (!tokens.get(0).equals("state")) {
      throw new UsageException(
          "backend takes no arguments (show the selection) or: state NAME; not '"
              + tokens.get(0)
              + "'");
    }
    if (tokens.size() != 2 || tokens.get(1).isBlank() || tokens.get(1).startsWith("-")) {
      throw new UsageException(
          "backend state takes one NAME, e.g. sluice backend state rocksdb; the available ones:"
              + " sluice backend");
    }
    return new Command.SelectStateBackend(tokens.get(1));
  }

  private static int parallelism(String value) {
    try {
      int p = Integer.parseInt(value);
      if (p >= 1) {
        return p;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException("--parallelism must be a positive integer, not '" + value + "'");
  }

  private static Command feature(List<String> tokens) {
    if (tokens.isEmpty()) {
      throw new UsageException(
          "feature needs install or uninstall, e.g. sluice feature install core");
    }
    String action = tokens.get(0);
    if (!action.equals("install") && !action.equals("uninstall")) {
      throw new UsageException("feature takes install or uninstall, not '" + action + "'");
    }
    String name = null;
    boolean dryRun = false;
    for (String token : tokens.subList(1, tokens.size())) {
      if (token.equals("--dry-run") || token.equals("-n")) {
        dryRun = true;
      } else if (token.startsWith("-")) {
        throw new UsageException(
            "unknown option " + token + " for feature " + action + "; only --dry-run");
      } else if (name == null) {
        name = token;
      } else {
        throw new UsageException(
            "feature " + action + " takes one NAME, got '" + name + "' and '" + token + "'");
      }
    }
    if (name == null) {
      throw new UsageException(
          "feature " + action + " needs a feature NAME; list them with: sluice features");
    }
    return new Command.FeatureChange(action.equals("install"), name, dryRun);
  }

  private static Command none(String command, List<String> tokens, Command parsed) {
    if (!tokens.isEmpty()) {
      throw new UsageException(command + " takes no arguments, got: " + String.join(" ", tokens));
    }
    return parsed;
  }

  private static String one(String command, String what, List<String> tokens) {
    if (tokens.size() != 1) {
      throw new UsageException(
          command
              + " takes exactly one "
              + what
              + (tokens.isEmpty() ? "" : ", got: " + String.join(" ", tokens)));
    }
    return tokens.get(0);
  }

  private static long bundleId(String value) {
    try {
      long id = Long.parseLong(value);
      if (id >= 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException(
        "BUNDLE_ID must be a bundle number from 'sluice bundles', not '" + value + "'");
  }
}
