package io.sluice.spi.state;

/**
 * An inclusive range of key groups {@code [startKeyGroup, endKeyGroup]}, the unit by which keyed
 * state is split across subtasks and moved when a job is rescaled.
 */
public record KeyGroupRange(int startKeyGroup, int endKeyGroup) {

  public KeyGroupRange {
    if (startKeyGroup < 0 || endKeyGroup < startKeyGroup - 1) {
      throw new IllegalArgumentException(
          "invalid key group range [" + startKeyGroup + ", " + endKeyGroup + "]");
    }
  }

  public boolean contains(int keyGroup) {
    return keyGroup >= startKeyGroup && keyGroup <= endKeyGroup;
  }

  public int size() {
    return endKeyGroup - startKeyGroup + 1;
  }
}
