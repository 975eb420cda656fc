package io.sluice.launcher.cli;

import java.util.List;

/**
 * Parses {@code sluice} arguments into a {@link Command}. Job commands take the launcher option
 * {@code --parallelism N} ({@code -p N}, {@code --parallelism=N}) anywhere; every other argument
 * after JOB belongs to the job ({@code sluice run wordcount --input a.txt --output b.tsv}), and
 * everything after {@code --} does too, even {@code --parallelism}. An option before JOB that the
 * launcher does not know is an error.
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
        yield new Command.Run(job.job, job.parallelism, job.args);
      }
      case "submit" -> {
        JobArgs job = jobArgs("submit", rest);
        yield new Command.Submit(job.job, job.parallelism, job.args);
      }
      case "start" -> none(name, rest, new Command.Start());
      case "stop" -> none(name, rest, new Command.Stop());
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

  private record JobArgs(String job, int parallelism, List<String> args) {}

  private static JobArgs jobArgs(String command, List<String> tokens) {
    String job = null;
    int parallelism = 0;
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
    return new JobArgs(job, parallelism, List.copyOf(jobArguments));
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
