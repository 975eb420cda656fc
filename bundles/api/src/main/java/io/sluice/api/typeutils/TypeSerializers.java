package io.sluice.api.typeutils;

import io.sluice.api.typeutils.internal.SerializerDerivation;
import java.lang.reflect.Type;
import java.util.Objects;

/**
 * Derives serializers from Java types, once, when the job is built; Java serialization is never
 * used. Supported, nested to any depth:
 *
 * <ul>
 *   <li>primitives, their boxes, {@code String}, primitive arrays;
 *   <li>enums (by constant name, so reordering constants keeps state readable);
 *   <li>{@code Instant}, {@code Duration}, {@code LocalDate}, {@code LocalTime}, {@code
 *       LocalDateTime}, {@code BigInteger}, {@code BigDecimal}, {@code UUID};
 *   <li>records (all components, read back through the canonical constructor);
 *   <li>{@code Tuple2} .. {@code Tuple5};
 *   <li>POJOs: a public, static, non-abstract class with a public no-argument constructor whose
 *       non-static, non-transient fields are public or have a public getter and setter;
 *   <li>{@code List}, {@code Set}, {@code Map}, {@code Collection}, their sorted variants and
 *       common implementations; {@code Optional}; object arrays.
 * </ul>
 *
 * Fields, elements and map entries may be null where Java allows it; a top-level value never is.
 * Generic types must be fully known: {@code forType(new TypeHint<Wrapper<String>>() {}.getType())}
 * resolves a field {@code List<T>} of {@code Wrapper<T>} to {@code List<String>}.
 *
 * <p>The serializers returned are thread-safe (they hold only what derivation resolved), and
 * nothing is cached here, so a job bundle's classes are not kept alive by this class.
 */
public final class TypeSerializers {
  private TypeSerializers() {}

  /**
   * The serializer for {@code type}.
   *
   * @throws InvalidTypesException naming the type and field path if the type cannot be serialized
   */
  @SuppressWarnings("unchecked")
  public static <T> TypeSerializer<T> forType(Type type) {
    return (TypeSerializer<T>) SerializerDerivation.derive(Objects.requireNonNull(type, "type"));
  }

  /**
   * The serializer for values of {@code type}, which must not be generic (use {@link #forHint} for
   * {@code List<String>}).
   *
   * @throws InvalidTypesException naming the type and field path if the type cannot be serialized
   */
  public static <T> TypeSerializer<T> forClass(Class<T> type) {
    return forType(type);
  }

  /**
   * The serializer for the type a {@link TypeHint} captured: {@code forHint(new
   * TypeHint<Map<String, List<Long>>>() {})}.
   *
   * @throws InvalidTypesException naming the type and field path if the type cannot be serialized
   */
  public static <T> TypeSerializer<T> forHint(TypeHint<T> hint) {
    return forType(hint.getType());
  }
}
