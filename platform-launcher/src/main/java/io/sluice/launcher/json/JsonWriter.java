package io.sluice.launcher.json;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Map;

/**
 * Writes JSON (RFC 8259) from plain Java values: {@code null}, {@link Boolean}, {@link Number},
 * {@link CharSequence}, {@link Enum}, {@link Map} (keys as strings), {@link Iterable}, arrays of
 * objects and records (as objects of their components, in declaration order). Compact output, no
 * whitespace.
 *
 * <p>Example: {@code JsonWriter.write(Map.of("id", 7))} gives {@code {"id":7}}.
 */
public final class JsonWriter {

  private JsonWriter() {}

  public static String write(Object value) {
    StringBuilder out = new StringBuilder();
    append(out, value);
    return out.toString();
  }

  private static void append(StringBuilder out, Object value) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof Boolean) {
      out.append(value);
    } else if (value instanceof Double d && (d.isNaN() || d.isInfinite())
        || value instanceof Float f && (f.isNaN() || f.isInfinite())) {
      out.append("null");
    } else if (value instanceof Number) {
      out.append(value);
    } else if (value instanceof CharSequence
        || value instanceof Enum<?>
        || value instanceof Character) {
      string(out, value.toString());
    } else if (value instanceof Map<?, ?> map) {
      object(out, map);
    } else if (value instanceof Iterable<?> items) {
      out.append('[');
      boolean first = true;
      for (Object item : items) {
        if (!first) {
          out.append(',');
        }
        first = false;
        append(out, item);
      }
      out.append(']');
    } else if (value instanceof Object[] items) {
      append(out, java.util.Arrays.asList(items));
    } else if (value instanceof Record record) {
      record(out, record);
    } else {
      throw new IllegalArgumentException(
          "cannot write a " + value.getClass().getName() + " as JSON");
    }
  }

  private static void object(StringBuilder out, Map<?, ?> map) {
    out.append('{');
    boolean first = true;
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      if (!first) {
        out.append(',');
      }
      first = false;
      string(out, String.valueOf(entry.getKey()));
      out.append(':');
      append(out, entry.getValue());
    }
    out.append('}');
  }

  private static void record(StringBuilder out, Record record) {
    Map<String, Object> fields = new java.util.LinkedHashMap<>();
    for (RecordComponent component : record.getClass().getRecordComponents()) {
      try {
        component.getAccessor().setAccessible(true);
        fields.put(component.getName(), component.getAccessor().invoke(record));
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException(
            "cannot read " + component + " of " + record.getClass().getName(), e);
      }
    }
    object(out, fields);
  }

  private static void string(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
