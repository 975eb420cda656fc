package io.sluice.spi.shuffle;

/**
 * Sizes that every shuffle honours.
 *
 * @param bufferSize bytes per network buffer (Flink's default, 32 KiB)
 * @param buffersPerChannel buffers reserved per subpartition / input channel (Flink's exclusive
 *     buffers)
 * @param floatingBuffersPerGate extra buffers a partition or gate may borrow (Flink's floating
 *     buffers)
 */
public record ShuffleSettings(int bufferSize, int buffersPerChannel, int floatingBuffersPerGate) {

  public static final int DEFAULT_BUFFER_SIZE = 32 * 1024;

  public static ShuffleSettings defaults() {
    return new ShuffleSettings(DEFAULT_BUFFER_SIZE, 2, 8);
  }

  public ShuffleSettings {
    if (bufferSize < 64) {
      throw new IllegalArgumentException("buffer size must be at least 64 bytes: " + bufferSize);
    }
    if (buffersPerChannel < 1 || floatingBuffersPerGate < 0) {
      throw new IllegalArgumentException(
          "need at least one buffer per channel: "
              + buffersPerChannel
              + "/"
              + floatingBuffersPerGate);
    }
  }
}
