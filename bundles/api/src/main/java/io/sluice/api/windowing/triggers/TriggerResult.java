package io.sluice.api.windowing.triggers;

/**
 * What a trigger decides about its window: whether to emit the window's result now (fire) and
 * whether to drop the window's contents (purge). Purging keeps the window itself, its trigger state
 * and its timers; only its elements go.
 */
public enum TriggerResult {
  CONTINUE(false, false),
  FIRE(true, false),
  PURGE(false, true),
  FIRE_AND_PURGE(true, true);

  private final boolean fire;
  private final boolean purge;

  TriggerResult(boolean fire, boolean purge) {
    this.fire = fire;
    this.purge = purge;
  }

  public boolean isFire() {
    return fire;
  }

  public boolean isPurge() {
    return purge;
  }
}
