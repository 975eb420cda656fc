package io.sluice.api.functions;

import io.sluice.api.typeutils.InvalidTypesException;
import java.io.Serializable;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Objects;

/**
 * Names a side output of an operator and the type of its elements. Create it as an anonymous
 * subclass to capture a generic type, or pass the type:
 *
 * <pre>{@code
 * OutputTag<String> rejected = new OutputTag<>("rejected", String.class);
 * OutputTag<Tuple2<String, Long>> late = new OutputTag<Tuple2<String, Long>>("late") {};
 * ... ctx.output(rejected, line) ... stream.getSideOutput(rejected)
 * }</pre>
 *
 * Two tags are the same side output when their ids are equal.
 */
public class OutputTag<T> implements Serializable {
  private static final long serialVersionUID = 1L;
  private final String id;
  private final transient Type type;

  /** For anonymous subclasses: the type comes from the type argument. */
  protected OutputTag(String id) {
    this.id = requireId(id);
    Type superclass = getClass().getGenericSuperclass();
    if (!(superclass instanceof ParameterizedType parameterized)) {
      throw new InvalidTypesException(
          "OutputTag '"
              + id
              + "' has no type: create it as new OutputTag<Type>(\""
              + id
              + "\") {} or pass the type");
    }
    this.type = parameterized.getActualTypeArguments()[0];
  }

  public OutputTag(String id, Type type) {
    this.id = requireId(id);
    this.type = Objects.requireNonNull(type, "type");
  }

  private static String requireId(String id) {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("an OutputTag needs a non-empty id");
    }
    return id;
  }

  public String getId() {
    return id;
  }

  /** The element type (not kept when the tag is copied into a subtask; ids identify tags there). */
  public Type getType() {
    return type;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OutputTag<?> other && other.id.equals(id);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  @Override
  public String toString() {
    return "OutputTag(" + id + ")";
  }
}
