package io.sluice.runtime.network;

/**
 * Picks a pseudo-random channel per record, reproducibly for a given seed.
 *
 * <p>A SplitMix64 sequence in a plain field: a few arithmetic operations per record, no shared
 * state and no atomic update (unlike {@link java.util.Random}); the 32 high bits are mapped onto
 * the channel range by multiply-shift instead of a modulo.
 */
public final class ShuffleSelector<T> implements ChannelSelector<T> {

  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  private long state;
  private int numberOfChannels;

  public ShuffleSelector(long seed) {
    this.state = seed;
  }

  @Override
  public void setup(int numberOfChannels) {
    if (numberOfChannels < 1) {
      throw new IllegalArgumentException("need at least one channel: " + numberOfChannels);
    }
    this.numberOfChannels = numberOfChannels;
  }

  @Override
  public int selectChannel(T record) {
    long z = (state += GOLDEN_GAMMA);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    z ^= z >>> 31;
    return (int) (((z >>> 32) * numberOfChannels) >>> 32);
  }

  @Override
  public boolean isBroadcast() {
    return false;
  }
}
