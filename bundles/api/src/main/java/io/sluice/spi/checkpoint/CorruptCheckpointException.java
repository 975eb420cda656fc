package io.sluice.spi.checkpoint;

import java.io.IOException;

/**
 * A checkpoint file does not verify: its checksum, length or header differ from what was recorded
 * when it was written. The message names the file, what was expected and what was found, and what
 * to do.
 */
public class CorruptCheckpointException extends IOException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final String expected;
  private final String actual;

  /**
   * @param file the damaged file
   * @param expected what was recorded, e.g. {@code "crc32c 0x1a2b3c4d"}
   * @param actual what was found, e.g. {@code "crc32c 0x00ff00ff"}
   */
  public CorruptCheckpointException(String file, String expected, String actual) {
    super(
        "Checkpoint file "
            + file
            + " is corrupt: expected "
            + expected
            + " but found "
            + actual
            + ". It was damaged or truncated after it was written (disk fault, partial copy, manual"
            + " edit). Recover from an earlier checkpoint (latestValid falls back automatically) or"
            + " restore the file from a backup, then discard this checkpoint.");
    this.file = file;
    this.expected = expected;
    this.actual = actual;
  }

  /** The damaged file. */
  public String file() {
    return file;
  }

  /** What was recorded when the file was written. */
  public String expected() {
    return expected;
  }

  /** What the file holds now. */
  public String actual() {
    return actual;
  }
}
