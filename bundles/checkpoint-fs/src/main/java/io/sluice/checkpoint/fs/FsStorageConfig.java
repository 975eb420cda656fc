package io.sluice.checkpoint.fs;

/**
 * Configuration of the fs checkpoint storage (Config Admin PID {@code io.sluice.checkpoint.fs},
 * e.g. from {@code conf/io.sluice.checkpoint.fs.cfg}).
 */
@interface FsStorageConfig {
  /**
   * The checkpoint directory; a relative path is resolved against {@code sluice.home}. Empty means
   * {@code ${sluice.home}/data/checkpoints}.
   */
  String directory() default "";
}
