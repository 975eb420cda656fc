package io.sluice.api.typeutils.internal;

import io.sluice.api.typeutils.DataInputView;
import io.sluice.api.typeutils.DataOutputView;
import io.sluice.api.typeutils.TypeSerializer;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.lang.reflect.Type;
import java.util.List;

/**
 * Java records: every component in declaration order, read back through the canonical constructor.
 * Accessor and constructor handles are resolved once, when the serializer is derived; serializing
 * and deserializing go through a {@link StructCodec} generated for the record type (no boxing, no
 * reflective call per component), or, for a record with more components than one method handle
 * takes, through the boxed handles.
 */
public final class RecordSerializer<T> extends BaseSerializer<T> {
  private final Class<?> recordClass;
  private final MethodHandle[] accessors;
  private final TypeSerializer<Object>[] componentSerializers;
  private final MethodHandle constructor;
  private final boolean immutable;
  private final StructCodec codec;

  /**
   * @param accessors one per component, typed {@code (R)C}
   * @param componentSerializers one per component; reference components accept null
   * @param constructor the canonical constructor, typed {@code (C1..Cn)R}
   */
  public RecordSerializer(
      Type type,
      Class<?> recordClass,
      List<MethodHandle> accessors,
      List<TypeSerializer<Object>> componentSerializers,
      MethodHandle constructor) {
    super(type);
    this.recordClass = recordClass;
    this.accessors =
        accessors.stream()
            .map(a -> a.asType(MethodType.methodType(Object.class, Object.class)))
            .toArray(MethodHandle[]::new);
    @SuppressWarnings("unchecked")
    TypeSerializer<Object>[] serializers = componentSerializers.toArray(new TypeSerializer[0]);
    this.componentSerializers = serializers;
    this.constructor =
        constructor
            .asSpreader(Object[].class, accessors.size())
            .asType(MethodType.methodType(Object.class, Object[].class));
    this.immutable = componentSerializers.stream().allMatch(BaseSerializer::isImmutable);
    this.codec = generatedCodec(accessors, componentSerializers, constructor);
  }

  private static StructCodec generatedCodec(
      List<MethodHandle> accessors,
      List<TypeSerializer<Object>> componentSerializers,
      MethodHandle constructor) {
    try {
      return StructCodecs.forRecord(accessors, componentSerializers, constructor);
    } catch (IllegalArgumentException tooManyComponents) {
      return null;
    }
  }

  @Override
  public void serialize(T value, DataOutputView out) throws IOException {
    if (codec != null) {
      codec.write(value, out);
      return;
    }
    for (int i = 0; i < accessors.length; i++) {
      componentSerializers[i].serialize(get(i, value), out);
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public T deserialize(DataInputView in) throws IOException {
    if (codec != null) {
      return (T) codec.read(in);
    }
    Object[] components = new Object[accessors.length];
    for (int i = 0; i < components.length; i++) {
      components[i] = componentSerializers[i].deserialize(in);
    }
    return construct(components);
  }

  @Override
  public T copy(T value) {
    if (immutable) {
      return value;
    }
    Object[] components = new Object[accessors.length];
    for (int i = 0; i < components.length; i++) {
      components[i] = componentSerializers[i].copy(get(i, value));
    }
    return construct(components);
  }

  @Override
  public boolean isImmutable() {
    return immutable;
  }

  private Object get(int component, T value) {
    try {
      return (Object) accessors[component].invokeExact((Object) value);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(
          "accessor of component " + component + " of " + recordClass.getName() + " failed", e);
    }
  }

  @SuppressWarnings("unchecked")
  private T construct(Object[] components) {
    try {
      return (T) (Object) constructor.invokeExact(components);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(
          "the canonical constructor of " + recordClass.getName() + " failed", e);
    }
  }
}
