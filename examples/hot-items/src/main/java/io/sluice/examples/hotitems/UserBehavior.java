package io.sluice.examples.hotitems;

/**
 * One line of the user-behaviour log: {@code userId,itemId,categoryId,behavior,timestampSeconds},
 * where behavior is {@code pv} (page view), {@code buy}, {@code cart} or {@code fav}.
 */
public record UserBehavior(
    long userId, long itemId, int categoryId, String behavior, long timestampSeconds) {

  /**
   * Parses one CSV line.
   *
   * @throws IllegalArgumentException naming the line if it is not five comma-separated fields
   */
  public static UserBehavior parse(String line) {
    String[] fields = line.split(",", -1);
    if (fields.length != 5) {
      throw new IllegalArgumentException(
          "expected userId,itemId,categoryId,behavior,timestampSeconds but got: '" + line + "'");
    }
    try {
      return new UserBehavior(
          Long.parseLong(fields[0].trim()),
          Long.parseLong(fields[1].trim()),
          Integer.parseInt(fields[2].trim()),
          fields[3].trim(),
          Long.parseLong(fields[4].trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "not a number in line '" + line + "': " + e.getMessage(), e);
    }
  }

  public long timestampMillis() {
    return timestampSeconds * 1000;
  }
}
