package io.sluice.runtime.osgi;

/**
 * Configuration of the runtime (Config Admin PID {@code io.sluice.runtime}, e.g. from {@code
 * conf/io.sluice.runtime.cfg}); property names replace {@code _} with {@code .}.
 */
@interface RuntimeConfig {
  /** Default parallelism of jobs that do not set one. */
  int parallelism_default() default 1;

  /** Number of key groups. */
  int max_parallelism() default 128;

  /** Output flush interval in milliseconds; 0 flushes after every record. */
  long buffer_timeout_ms() default 100;

  /** Periodic watermark interval of sources in milliseconds. */
  long watermark_interval_ms() default 200;

  /**
   * The state backend to use, by its service property {@code sluice.state.backend} ("heap",
   * "rocksdb"); empty or unavailable falls back to the highest service ranking. Changing it moves
   * running jobs through a savepoint.
   */
  String state_backend() default "";

  /** The checkpoint storage to use, by its service property {@code sluice.checkpoint.storage}. */
  String checkpoint_storage() default "fs";

  /** Slots of the embedded task executor; a job needs as many as its highest parallelism. */
  int taskmanager_numberOfTaskSlots() default 16;
}
