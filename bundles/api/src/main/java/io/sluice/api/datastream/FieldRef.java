package io.sluice.api.datastream;

/**
 * Names a field of an element by position (tuples, record components) or by name (records, POJOs).
 */
record FieldRef(int position, String name) implements java.io.Serializable {
  static FieldRef position(int position) {
    if (position < 0) {
      throw new IllegalArgumentException("field position must not be negative: " + position);
    }
    return new FieldRef(position, null);
  }

  static FieldRef named(String name) {
    return new FieldRef(-1, name);
  }

  @Override
  public String toString() {
    return name != null ? name : String.valueOf(position);
  }
}
