package io.sluice.bench.common;

/**
 * The generator indices {@code next, next + stride, next + 2 * stride, …} below {@code end}: the
 * work of one source subtask. Subtask {@code i} of {@code p} takes the indices congruent to {@code
 * i} modulo {@code p}; since the key count of {@code keyby-reduce} is a multiple of every
 * parallelism used, all records of a key come from one subtask in ascending order, which makes the
 * rolling sums (and so the checksums) the same on both engines.
 *
 * @param next the next index to generate
 * @param stride the distance between indices (the source parallelism)
 * @param end the first index not generated
 */
public record StridedRange(long next, long stride, long end) {

  public StridedRange {
    if (next < 0 || stride < 1 || end < 0) {
      throw new IllegalArgumentException("invalid range " + next + "/" + stride + "/" + end);
    }
  }

  /** The share of {@code subtask} out of {@code parallelism} of the indices {@code [0, total)}. */
  public static StridedRange forSubtask(int subtask, int parallelism, long total) {
    if (subtask < 0 || subtask >= parallelism) {
      throw new IllegalArgumentException("subtask " + subtask + " of " + parallelism);
    }
    return new StridedRange(subtask, parallelism, total);
  }

  public boolean isEmpty() {
    return next >= end;
  }

  /** How many indices are left. */
  public long size() {
    return isEmpty() ? 0 : (end - next + stride - 1) / stride;
  }

  public String id() {
    return next + "+" + stride + "n<" + end;
  }
}
