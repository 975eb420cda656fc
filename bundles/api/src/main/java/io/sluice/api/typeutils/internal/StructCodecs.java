package io.sluice.api.typeutils.internal;

import io.sluice.api.typeutils.DataInputView;
import io.sluice.api.typeutils.DataOutputView;
import io.sluice.api.typeutils.TypeSerializer;
import io.sluice.spi.codegen.HiddenCopies;
import java.io.DataInput;
import java.io.DataOutput;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.Map;

/**
 * Builds the {@link StructCodec} of a record or POJO type: one method handle that writes every
 * component (primitives straight to the {@link DataOutput}, references through their serializer),
 * and one that reads them in order and either calls a record's canonical constructor with typed
 * arguments or creates the POJO and calls its setters. No component is boxed, no {@code Object[]}
 * is allocated. The handles are installed as constants in a hidden copy of {@link GeneratedCodec},
 * one per type.
 *
 * <p>The wire format is that of the component serializers one after the other (primitives as {@code
 * DataOutput} writes them), the same as the reflective paths of {@link RecordSerializer} and {@link
 * PojoSerializer}.
 */
final class StructCodecs {
  private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();
  private static final MethodType WRITE_TYPE =
      MethodType.methodType(void.class, Object.class, DataOutputView.class);
  private static final MethodType READ_TYPE =
      MethodType.methodType(Object.class, DataInputView.class);

  /** {@code DataOutput.writeX} per primitive type, and the parameter type it takes. */
  private static final Map<Class<?>, String> WRITE_METHODS =
      Map.of(
          boolean.class, "writeBoolean",
          byte.class, "writeByte",
          short.class, "writeShort",
          char.class, "writeChar",
          int.class, "writeInt",
          long.class, "writeLong",
          float.class, "writeFloat",
          double.class, "writeDouble");

  private static final Map<Class<?>, String> READ_METHODS =
      Map.of(
          boolean.class, "readBoolean",
          byte.class, "readByte",
          short.class, "readShort",
          char.class, "readChar",
          int.class, "readInt",
          long.class, "readLong",
          float.class, "readFloat",
          double.class, "readDouble");

  private StructCodecs() {}

  /**
   * The codec of a record type.
   *
   * @param accessors the component accessors, typed {@code (R)Ci}
   * @param serializers one per component; used for the reference components only
   * @param constructor the canonical constructor, typed {@code (C1..Cn)R}
   * @throws IllegalArgumentException if the record has too many components for the handles (the
   *     caller falls back to its reflective path)
   */
  static StructCodec forRecord(
      List<MethodHandle> accessors,
      List<TypeSerializer<Object>> serializers,
      MethodHandle constructor) {
    try {
      return define(writer(accessors, serializers), recordReader(constructor, serializers));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot generate a record codec", e);
    }
  }

  /**
   * The codec of a POJO type.
   *
   * @param constructor the no-argument constructor, typed {@code ()P}
   * @param getters the field getters, typed {@code (P)Fi}
   * @param setters the field setters, typed {@code (P,Fi)} (any return type, ignored)
   * @param serializers one per field; used for the reference fields only
   */
  static StructCodec forPojo(
      MethodHandle constructor,
      List<MethodHandle> getters,
      List<MethodHandle> setters,
      List<TypeSerializer<Object>> serializers) {
    try {
      return define(writer(getters, serializers), pojoReader(constructor, setters, serializers));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot generate a POJO codec", e);
    }
  }

  private static StructCodec define(MethodHandle write, MethodHandle read) {
    MethodHandles.Lookup copy =
        HiddenCopies.define(LOOKUP, GeneratedCodec.class, List.of(write, read));
    try {
      return (StructCodec)
          copy.findConstructor(copy.lookupClass(), MethodType.methodType(void.class)).invoke();
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException("cannot instantiate a generated codec", e);
    }
  }

  /** {@code (Object value, DataOutputView out) void}: the components' writes in order. */
  private static MethodHandle writer(
      List<MethodHandle> accessors, List<TypeSerializer<Object>> serializers)
      throws ReflectiveOperationException {
    MethodHandle sequence = MethodHandles.empty(WRITE_TYPE);
    for (int i = accessors.size() - 1; i >= 0; i--) {
      MethodHandle step = writeComponent(accessors.get(i), serializers.get(i));
      // foldArguments runs the (void) combiner first: component i, then the components after it.
      sequence = MethodHandles.foldArguments(sequence, step);
    }
    return sequence;
  }

  /** {@code (Object value, DataOutputView out) void} for one component. */
  private static MethodHandle writeComponent(
      MethodHandle accessor, TypeSerializer<Object> serializer)
      throws ReflectiveOperationException {
    Class<?> type = accessor.type().returnType();
    MethodHandle write; // (DataOutputView out, X value) void
    MethodHandle get; // (Object record) X
    if (type.isPrimitive()) {
      Class<?> parameter =
          type == byte.class || type == short.class || type == char.class ? int.class : type;
      write =
          LOOKUP
              .findVirtual(
                  DataOutput.class,
                  WRITE_METHODS.get(type),
                  MethodType.methodType(void.class, parameter))
              .asType(MethodType.methodType(void.class, DataOutputView.class, type));
      get = accessor.asType(MethodType.methodType(type, Object.class));
    } else {
      write =
          MethodHandles.permuteArguments(
              LOOKUP
                  .findVirtual(
                      TypeSerializer.class,
                      "serialize",
                      MethodType.methodType(void.class, Object.class, DataOutputView.class))
                  .bindTo(serializer),
              MethodType.methodType(void.class, DataOutputView.class, Object.class),
              1,
              0);
      get = accessor.asType(MethodType.methodType(Object.class, Object.class));
    }
    MethodHandle step = MethodHandles.filterArguments(write, 1, get); // (out, record)
    return MethodHandles.permuteArguments(step, WRITE_TYPE, 1, 0);
  }

  /**
   * {@code (DataInputView in) Object}: reads component 1, then 2, …, then calls the constructor.
   * Built from the constructor outwards: {@code G_k(in, c1..ck)} reads the components after {@code
   * k} and constructs; {@code G_(k-1)} reads component {@code k} and calls {@code G_k}.
   */
  private static MethodHandle recordReader(
      MethodHandle constructor, List<TypeSerializer<Object>> serializers)
      throws ReflectiveOperationException {
    MethodType constructorType = constructor.type().changeReturnType(Object.class);
    MethodHandle g =
        MethodHandles.dropArguments(constructor.asType(constructorType), 0, DataInputView.class);
    for (int k = constructorType.parameterCount(); k >= 1; k--) {
      Class<?> component = constructorType.parameterType(k - 1);
      List<Class<?>> before = constructorType.parameterList().subList(0, k - 1);
      // P(ck, in, c1..c(k-1)) = G_k(in, c1..ck)
      MethodType permuted =
          MethodType.methodType(Object.class, component, DataInputView.class)
              .appendParameterTypes(before);
      int[] reorder = new int[k + 1];
      reorder[0] = 1;
      for (int j = 1; j < k; j++) {
        reorder[j] = j + 1;
      }
      reorder[k] = 0;
      MethodHandle p = MethodHandles.permuteArguments(g, permuted, reorder);
      MethodHandle read =
          MethodHandles.dropArguments(readComponent(component, serializers.get(k - 1)), 1, before);
      g = MethodHandles.foldArguments(p, read);
    }
    return g.asType(READ_TYPE);
  }

  /**
   * {@code (DataInputView in) Object}: creates the POJO, then reads field 1 and sets it, field 2,
   * …, and returns the POJO.
   */
  private static MethodHandle pojoReader(
      MethodHandle constructor,
      List<MethodHandle> setters,
      List<TypeSerializer<Object>> serializers)
      throws ReflectiveOperationException {
    // (Object pojo, DataInputView in) Object: the remaining fields, then the POJO itself
    MethodHandle fill =
        MethodHandles.dropArguments(MethodHandles.identity(Object.class), 1, DataInputView.class);
    for (int i = setters.size() - 1; i >= 0; i--) {
      MethodHandle setter = setters.get(i);
      Class<?> field = setter.type().parameterType(1);
      MethodHandle set =
          setter.asType(MethodType.methodType(void.class, Object.class, field)); // (pojo, f)
      MethodHandle readAndSet =
          MethodHandles.filterArguments(set, 1, readComponent(field, serializers.get(i)));
      fill = MethodHandles.foldArguments(fill, readAndSet); // field i, then the later ones
    }
    MethodHandle create = constructor.asType(MethodType.methodType(Object.class));
    return MethodHandles.foldArguments(fill, create).asType(READ_TYPE);
  }

  /** {@code (DataInputView in) X} for one component of type {@code type}. */
  private static MethodHandle readComponent(Class<?> type, TypeSerializer<Object> serializer)
      throws ReflectiveOperationException {
    if (type.isPrimitive()) {
      return LOOKUP
          .findVirtual(DataInput.class, READ_METHODS.get(type), MethodType.methodType(type))
          .asType(MethodType.methodType(type, DataInputView.class));
    }
    return LOOKUP
        .findVirtual(
            TypeSerializer.class,
            "deserialize",
            MethodType.methodType(Object.class, DataInputView.class))
        .bindTo(serializer)
        .asType(MethodType.methodType(type, DataInputView.class));
  }
}
