package io.sluice.bench.common;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Just enough JSON for the result files: writing objects and arrays of strings, numbers, booleans
 * and nulls, and reading back one flat object (a child's result line). Not a general parser.
 */
public final class Json {
  private Json() {}

  /** A JSON object under construction, keeping insertion order. */
  public static final class ObjectBuilder {
    private final Map<String, String> members = new LinkedHashMap<>();

    /** Adds a member; the value is a String, Number, Boolean, null, or a {@link Raw}. */
    public ObjectBuilder put(String name, Object value) {
      members.put(name, write(value));
      return this;
    }

    @Override
    public String toString() {
      StringBuilder out = new StringBuilder("{");
      members.forEach(
          (name, value) -> {
            if (out.length() > 1) {
              out.append(',');
            }
            out.append(quote(name)).append(':').append(value);
          });
      return out.append('}').toString();
    }
  }

  /** Text that is already JSON (a nested object or array). */
  public record Raw(String json) {}

  public static ObjectBuilder object() {
    return new ObjectBuilder();
  }

  /** A JSON array of already-written elements, one per line. */
  public static Raw array(List<String> elements) {
    return new Raw("[\n  " + String.join(",\n  ", elements) + "\n]");
  }

  static String write(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof Raw raw) {
      return raw.json();
    }
    if (value instanceof Double d) {
      if (d.isNaN() || d.isInfinite()) {
        return "null";
      }
      return Double.toString(Math.round(d * 1000.0) / 1000.0);
    }
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    if (value instanceof ObjectBuilder object) {
      return object.toString();
    }
    return quote(value.toString());
  }

  public static String quote(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /**
   * Reads a flat object: member values are strings, numbers (Long if integral, else Double),
   * booleans or null.
   *
   * @throws IllegalArgumentException naming the position of the first thing it cannot read
   */
  public static Map<String, Object> parseFlatObject(String text) {
    Reader reader = new Reader(text);
    Map<String, Object> result = new LinkedHashMap<>();
    reader.expect('{');
    if (reader.peek() == '}') {
      reader.pos++;
      return result;
    }
    while (true) {
      String name = reader.string();
      reader.expect(':');
      result.put(name, reader.value());
      char next = reader.next();
      if (next == '}') {
        return result;
      }
      if (next != ',') {
        throw reader.error("',' or '}'");
      }
    }
  }

  private static final class Reader {
    private final String text;
    private int pos;

    Reader(String text) {
      this.text = text;
    }

    char peek() {
      skipSpace();
      if (pos >= text.length()) {
        throw error("more input");
      }
      return text.charAt(pos);
    }

    char next() {
      char c = peek();
      pos++;
      return c;
    }

    void expect(char c) {
      if (next() != c) {
        throw error("'" + c + "'");
      }
    }

    void skipSpace() {
      while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
        pos++;
      }
    }

    Object value() {
      char c = peek();
      if (c == '"') {
        return string();
      }
      if (text.startsWith("null", pos)) {
        pos += 4;
        return null;
      }
      if (text.startsWith("true", pos)) {
        pos += 4;
        return Boolean.TRUE;
      }
      if (text.startsWith("false", pos)) {
        pos += 5;
        return Boolean.FALSE;
      }
      int start = pos;
      while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
        pos++;
      }
      String number = text.substring(start, pos);
      if (number.isEmpty()) {
        throw error("a value");
      }
      return number.matches("-?\\d+")
          ? (Object) Long.parseLong(number)
          : Double.parseDouble(number);
    }

    String string() {
      expect('"');
      StringBuilder out = new StringBuilder();
      while (pos < text.length()) {
        char c = text.charAt(pos++);
        if (c == '"') {
          return out.toString();
        }
        if (c == '\\') {
          char e = text.charAt(pos++);
          switch (e) {
            case 'n' -> out.append('\n');
            case 'r' -> out.append('\r');
            case 't' -> out.append('\t');
            case 'u' -> {
              out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
              pos += 4;
            }
            default -> out.append(e);
          }
        } else {
          out.append(c);
        }
      }
      throw error("a closing quote");
    }

    IllegalArgumentException error(String expected) {
      return new IllegalArgumentException(
          "Expected " + expected + " at position " + pos + " of: " + text);
    }
  }

  /** A list of the string forms of {@code values}, for {@link #array}. */
  public static List<String> written(List<?> values) {
    List<String> out = new ArrayList<>(values.size());
    for (Object v : values) {
      out.add(write(v));
    }
    return out;
  }
}
