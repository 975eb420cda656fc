package io.sluice.runtime.network;

import io.sluice.spi.state.KeyGroups;
import java.util.Objects;

/**
 * Routes a record to the consumer subtask that owns its key's key group, with the same {@link
 * KeyGroups} arithmetic the state backends use, so a key's records always meet its state.
 *
 * @param <T> the records
 * @param <K> the keys
 */
public final class KeyGroupSelector<T, K> implements ChannelSelector<T> {

  private final KeyExtractor<T, K> keyExtractor;
  private final int maxParallelism;
  // The channel of each key group, computed once: the formula divides by the max parallelism,
  // which is not a constant, and an integer division per record is a measurable share of a keyed
  // producer's work.
  private int[] channelOfKeyGroup;
  // With one consumer every record goes to channel 0, so the key is not needed here: the consumer
  // extracts it anyway (and reports a failing extractor or a null key, naming its operator).
  private boolean oneChannel;

  public KeyGroupSelector(KeyExtractor<T, K> keyExtractor, int maxParallelism) {
    this.keyExtractor = Objects.requireNonNull(keyExtractor, "keyExtractor");
    if (maxParallelism < 1) {
      throw new IllegalArgumentException("max parallelism must be positive: " + maxParallelism);
    }
    this.maxParallelism = maxParallelism;
  }

  @Override
  public void setup(int numberOfChannels) {
    if (numberOfChannels < 1 || numberOfChannels > maxParallelism) {
      throw new IllegalArgumentException(
          "A keyed edge with max parallelism "
              + maxParallelism
              + " cannot feed "
              + numberOfChannels
              + " consumers; raise the max parallelism or lower the parallelism");
    }
    this.oneChannel = numberOfChannels == 1;
    this.channelOfKeyGroup = new int[maxParallelism];
    for (int keyGroup = 0; keyGroup < maxParallelism; keyGroup++) {
      channelOfKeyGroup[keyGroup] =
          KeyGroups.operatorIndexForKeyGroup(maxParallelism, numberOfChannels, keyGroup);
    }
  }

  @Override
  public int selectChannel(T record) {
    if (oneChannel) {
      return 0;
    }
    K key;
    try {
      key = keyExtractor.getKey(record);
    } catch (Exception e) {
      throw new KeyExtractionException("The key extractor failed on a record: " + e, e);
    }
    if (key == null) {
      throw new KeyExtractionException(
          "The key extractor returned null; every record of a keyed stream needs a key", null);
    }
    return channelOfKeyGroup[KeyGroups.assignToKeyGroup(key, maxParallelism)];
  }

  @Override
  public boolean isBroadcast() {
    return false;
  }
}
