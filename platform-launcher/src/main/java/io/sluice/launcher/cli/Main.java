package io.sluice.launcher.cli;

import io.sluice.launcher.control.ControlClient;
import io.sluice.launcher.control.ControlException;
import io.sluice.launcher.control.NoPlatformException;
import io.sluice.launcher.feature.FeatureException;
import io.sluice.launcher.platform.Distribution;
import io.sluice.launcher.platform.PlatformException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The {@code sluice} command: parses the arguments, runs the command, and turns every expected
 * failure into one paragraph on stderr. Exit codes: 0 success, 1 failure (including a job that did
 * not finish), 2 usage error.
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    int code = run(List.of(args), Distribution.locate(), System.out, System.err);
    System.exit(code);
  }

  /** Runs one command line; returns the exit code. */
  public static int run(
      List<String> args, Distribution distribution, PrintStream out, PrintStream err) {
    Command command;
    try {
      command = CommandLine.parse(args);
    } catch (UsageException e) {
      err.println("sluice: " + e.getMessage());
      err.println("usage: sluice COMMAND [ARGS]; all commands: sluice help");
      return 2;
    }
    try {
      return execute(command, distribution, out, err);
    } catch (NoPlatformException
        | ControlException
        | PlatformException
        | FeatureException
        | IllegalArgumentException
        | UncheckedIOException e) {
      err.println("sluice: " + e.getMessage());
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("sluice: interrupted");
      return 1;
    } catch (java.io.IOException e) {
      err.println("sluice: " + e);
      return 1;
    }
  }

  private static int execute(
      Command command, Distribution distribution, PrintStream out, PrintStream err)
      throws java.io.IOException, InterruptedException {
    DaemonCommands daemon = new DaemonCommands(distribution, out, err);
    ClientCommands client =
        new ClientCommands(distribution, new ControlClient(distribution.portFile()), out);
    if (command instanceof Command.Help) {
      out.print(Help.TEXT);
      return 0;
    } else if (command instanceof Command.Run run) {
      return new RunCommand(distribution, err).run(run);
    } else if (command instanceof Command.Start) {
      return daemon.start();
    } else if (command instanceof Command.Stop) {
      return daemon.stop();
    } else if (command instanceof Command.Serve) {
      return daemon.serve();
    } else if (command instanceof Command.Submit submit) {
      return client.submit(submit);
    } else if (command instanceof Command.ListJobs) {
      return client.list();
    } else if (command instanceof Command.Cancel cancel) {
      return client.cancel(cancel);
    } else if (command instanceof Command.Bundles) {
      return client.bundles();
    } else if (command instanceof Command.Install install) {
      return client.install(install);
    } else if (command instanceof Command.Uninstall uninstall) {
      return client.uninstall(uninstall);
    } else if (command instanceof Command.Savepoint savepoint) {
      return client.savepoint(savepoint);
    } else if (command instanceof Command.StopJob stopJob) {
      return client.stopJob(stopJob);
    } else if (command instanceof Command.ShowBackends) {
      return client.backends();
    } else if (command instanceof Command.SelectStateBackend select) {
      return client.selectStateBackend(select);
    } else if (command instanceof Command.Features) {
      return client.features();
    } else if (command instanceof Command.FeatureChange change) {
      return client.feature(change);
    }
    throw new IllegalStateException("unhandled command " + command);
  }
}
