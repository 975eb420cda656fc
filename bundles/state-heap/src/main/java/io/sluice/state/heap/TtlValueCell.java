package io.sluice.state.heap;

/**
 * A {@link ValueCell} whose object carries a timestamp: expired objects read as absent and are
 * removed on that read (the only cleanup there is; no thread scans the table). Confined to the task
 * thread.
 */
final class TtlValueCell<K, S> implements ValueCell<S> {
  private final StateTable<K, TtlValue<S>> table;
  private final TtlPolicy policy;

  TtlValueCell(StateTable<K, TtlValue<S>> table, TtlPolicy policy) {
    this.table = table;
    this.policy = policy;
  }

  @Override
  public S get() {
    return read(policy.refreshOnRead());
  }

  @Override
  public S getForUpdate() {
    return read(false);
  }

  @Override
  public void put(S value) {
    table.put(policy.stamp(value, policy.now()));
  }

  @Override
  public void remove() {
    table.remove();
  }

  @Override
  public StateMetaInfo metaInfo() {
    return table.metaInfo();
  }

  private S read(boolean refresh) {
    TtlValue<S> stored = table.get();
    if (stored == null) {
      return null;
    }
    long now = policy.now();
    if (policy.isExpired(stored, now)) {
      table.remove();
      return null;
    }
    if (refresh) {
      table.put(policy.stamp(stored.value(), now));
    }
    return stored.value();
  }
}
