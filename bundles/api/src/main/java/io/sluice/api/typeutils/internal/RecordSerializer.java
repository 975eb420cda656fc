package io.sluice.api.typeutils.internal;

import io.sluice.api.typeutils.DataInputView;
import io.sluice.api.typeutils.DataOutputView;
import io.sluice.api.typeutils.TypeSerializer;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.Type;
import java.util.List;

/**
 * Java records: every component in declaration order, read back through the canonical constructor.
 * Accessor and constructor handles are resolved once, when the serializer is derived.
 */
public final class RecordSerializer<T> extends BaseSerializer<T> {
  private final Class<?> recordClass;
  private final MethodHandle[] accessors;
  private final TypeSerializer<Object>[] componentSerializers;
  private final MethodHandle constructor;
  private final boolean immutable;

  /**
   * @param accessors one per component, of method type {@code (Object)Object}
   * @param componentSerializers one per component; reference components accept null
   * @param constructor the canonical constructor, of method type {@code (Object[])Object}
   */
  public RecordSerializer(
      Type type,
      Class<?> recordClass,
      List<MethodHandle> accessors,
      List<TypeSerializer<Object>> componentSerializers,
      MethodHandle constructor) {
    super(type);
    this.recordClass = recordClass;
    this.accessors = accessors.toArray(new MethodHandle[0]);
    @SuppressWarnings("unchecked")
    TypeSerializer<Object>[] serializers = componentSerializers.toArray(new TypeSerializer[0]);
    this.componentSerializers = serializers;
    this.constructor = constructor;
    this.immutable = componentSerializers.stream().allMatch(BaseSerializer::isImmutable);
  }

  @Override
  public void serialize(T value, DataOutputView out) throws IOException {
    for (int i = 0; i < accessors.length; i++) {
      componentSerializers[i].serialize(get(i, value), out);
    }
  }

  @Override
  public T deserialize(DataInputView in) throws IOException {
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
