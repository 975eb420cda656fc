package io.sluice.api.typeutils;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/**
 * Captures a generic type that a class literal cannot express, for {@code returns(...)} and state
 * descriptors: {@code new TypeHint<Tuple2<String, Long>>() {}}.
 */
public abstract class TypeHint<T> {
  private final Type type;

  protected TypeHint() {
    Type superclass = getClass().getGenericSuperclass();
    if (!(superclass instanceof ParameterizedType parameterized)) {
      throw new InvalidTypesException(
          "TypeHint must be created as an anonymous subclass with a type argument,"
              + " e.g. new TypeHint<Tuple2<String, Long>>() {}");
    }
    this.type = parameterized.getActualTypeArguments()[0];
  }

  public final Type getType() {
    return type;
  }

  @Override
  public String toString() {
    return "TypeHint<" + type.getTypeName() + ">";
  }
}
