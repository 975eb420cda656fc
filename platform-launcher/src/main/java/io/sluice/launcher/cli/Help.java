package io.sluice.launcher.cli;

/** The text of {@code sluice help}. */
final class Help {

  private Help() {}

  static final String TEXT =
      """
      usage: sluice COMMAND [ARGS]

      Run a job on a one-shot platform (exits 0 if the job FINISHED, 1 otherwise):
        run JOB [--parallelism N] [--from-savepoint PATH [--allow-non-restored-state]] [--] [JOB_ARGS...]
                      JOB is a bundle jar or the name of an example (wordcount = examples/sluice-example-wordcount.jar)

      Long-running platform (logs in log/sluice.log, control API on 127.0.0.1, rest.port in conf):
        start         start it in the background
        stop          stop it and wait until its process has exited
        serve         run it in the foreground (what start runs)

      Talk to the running platform:
        submit JOB [--parallelism N] [--from-savepoint PATH [--allow-non-restored-state]] [--] [JOB_ARGS...]
                      submit a job bundle (jar or example name), optionally resuming a savepoint
        list          list jobs with their state backend and last checkpoint
        cancel ID     cancel a job
        savepoint ID [DIR]
                      take a savepoint (canonical format) and print its path; the job goes on
        stop ID --savepoint [DIR]
                      take a savepoint, then stop the job; resume it with --from-savepoint PATH
        backend       show the selected and the available state backends and checkpoint storages
        backend state NAME
                      select a state backend (state.backend in conf/io.sluice.runtime.cfg) and move
                      every running job onto it through a savepoint; prints each move
        bundles       list bundles
        install JAR   install and start a bundle
        uninstall ID  uninstall a bundle (ID from 'sluice bundles')
        features      list features
        feature install|uninstall NAME [--dry-run]
                      install or uninstall a feature; --dry-run only prints the plan,
                      including the bundles a refresh would restart

      Every argument after JOB goes to the job, except --parallelism N, --from-savepoint PATH and
      --allow-non-restored-state; after --, everything does.
      Bundles dropped into deploy/ are installed (and job bundles submitted) by the running platform.
      """;
}
