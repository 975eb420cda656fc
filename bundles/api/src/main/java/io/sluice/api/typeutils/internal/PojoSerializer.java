package io.sluice.api.typeutils.internal;

import io.sluice.api.typeutils.DataInputView;
import io.sluice.api.typeutils.DataOutputView;
import io.sluice.api.typeutils.InvalidTypesException;
import io.sluice.api.typeutils.TypeSerializer;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.lang.reflect.Type;
import java.util.List;

/**
 * POJOs: every field in the order {@link SerializerDerivation} fixed (by name), created through the
 * public no-argument constructor and filled through public fields or public setters. Values must be
 * of exactly the derived class: a subclass would lose its own fields, so it is rejected.
 */
public final class PojoSerializer<T> extends BaseSerializer<T> {
  private final Class<?> pojoClass;
  private final MethodHandle constructor;
  private final PojoField[] fields;
  private final StructCodec codec;

  /**
   * One field: its getter {@code (P)F}, setter {@code (P,F)} and serializer (null-accepting for
   * reference types).
   */
  public record PojoField(
      String name, MethodHandle getter, MethodHandle setter, TypeSerializer<Object> serializer) {
    /**
     * The same field with handles of types {@code (Object)Object} and {@code (Object,Object)void}.
     */
    PojoField boxed() {
      return new PojoField(
          name,
          getter.asType(MethodType.methodType(Object.class, Object.class)),
          setter.asType(MethodType.methodType(void.class, Object.class, Object.class)),
          serializer);
    }
  }

  /**
   * Serializing and deserializing go through a {@link StructCodec} generated for the class (no
   * boxing, no reflective call per field); {@link #copy} uses the boxed handles.
   *
   * @param constructor the no-argument constructor, typed {@code ()P}
   */
  public PojoSerializer(
      Type type, Class<?> pojoClass, MethodHandle constructor, List<PojoField> fields) {
    super(type);
    this.pojoClass = pojoClass;
    this.constructor = constructor.asType(MethodType.methodType(Object.class));
    this.fields = fields.stream().map(PojoField::boxed).toArray(PojoField[]::new);
    this.codec =
        StructCodecs.forPojo(
            constructor,
            fields.stream().map(PojoField::getter).toList(),
            fields.stream().map(PojoField::setter).toList(),
            fields.stream().map(PojoField::serializer).toList());
  }

  @Override
  public void serialize(T value, DataOutputView out) throws IOException {
    checkExactClass(value);
    codec.write(value, out);
  }

  @Override
  @SuppressWarnings("unchecked")
  public T deserialize(DataInputView in) throws IOException {
    return (T) codec.read(in);
  }

  @Override
  public T copy(T value) {
    checkExactClass(value);
    T copy = newInstance();
    for (PojoField field : fields) {
      set(field, copy, field.serializer().copy(get(field, value)));
    }
    return copy;
  }

  @Override
  public boolean isImmutable() {
    return false;
  }

  private void checkExactClass(T value) {
    if (value.getClass() != pojoClass) {
      throw new InvalidTypesException(
          "Cannot serialize a "
              + value.getClass().getName()
              + " as "
              + pojoClass.getName()
              + ": the serializer was derived for exactly that class and would drop the"
              + " subclass's fields. Declare the field, state or stream with the concrete type.");
    }
  }

  @SuppressWarnings("unchecked")
  private T newInstance() {
    try {
      return (T) (Object) constructor.invokeExact();
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(
          "the no-argument constructor of " + pojoClass.getName() + " failed", e);
    }
  }

  private Object get(PojoField field, T pojo) {
    try {
      return (Object) field.getter().invokeExact((Object) pojo);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(
          "reading field " + field.name() + " of " + pojoClass.getName() + " failed", e);
    }
  }

  private void set(PojoField field, T pojo, Object value) {
    try {
      field.setter().invokeExact((Object) pojo, value);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(
          "setting field " + field.name() + " of " + pojoClass.getName() + " failed", e);
    }
  }
}
