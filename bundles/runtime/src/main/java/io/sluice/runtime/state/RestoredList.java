package io.sluice.runtime.state;

import java.util.List;

/** A list of operator state as bytes, one array per item, with its distribution mode. */
public record RestoredList(DistributionMode mode, List<byte[]> items) {
  public RestoredList {
    items = List.copyOf(items);
  }
}
