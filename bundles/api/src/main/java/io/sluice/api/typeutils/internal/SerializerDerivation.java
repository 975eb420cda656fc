package io.sluice.api.typeutils.internal;

import io.sluice.api.tuple.Tuple;
import io.sluice.api.typeutils.InvalidTypesException;
import io.sluice.api.typeutils.TypeSerializer;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.GenericDeclaration;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;

/**
 * Derives the serializer of one Java type, recursively, with every reflective lookup done here so
 * that serializing a record does none. One instance per {@code forType} call: it carries the field
 * path for error messages and the types being derived, to tie recursive types ({@code record
 * Tree(List<Tree> children)}) into a loop instead of recursing forever.
 *
 * <p>The serializer of a class of an application or bundle class loader is derived once and kept in
 * a {@link ClassValue} of that class, so it goes away with the class (a job bundle's loader is not
 * kept alive). Derived serializers are stateless, so jobs can share them; sharing also shares their
 * generated codecs, whose code the JIT then compiles once rather than once per job. A parameterized
 * or array type that names application classes (the {@code TaggedUnion<A, B>} of a window join) is
 * kept the same way, with the one of its classes whose loader sees all the others ({@link
 * SharingAnchor}); types of JDK classes only are derived per call.
 */
public final class SerializerDerivation {
  /** Deeper nesting means a generic type that grows as it recurses, e.g. Node<List<T>>. */
  private static final int MAX_DEPTH = 64;

  private static final String USE_CONCRETE = "Use a concrete type, a record or a POJO.";

  /** Serializers of application classes, one per class (see the class comment). */
  private static final ClassValue<TypeSerializer<?>> OF_CLASS =
      new ClassValue<>() {
        @Override
        protected TypeSerializer<?> computeValue(Class<?> type) {
          return new SerializerDerivation(type).deriveType(type);
        }
      };

  /**
   * Serializers of parameterized and array types that name application classes, kept with the class
   * {@link SharingAnchor} picks, so that they too are shared by jobs and go with their classes.
   */
  private static final ClassValue<Map<Type, TypeSerializer<?>>> OF_ANCHOR =
      new ClassValue<>() {
        @Override
        protected Map<Type, TypeSerializer<?>> computeValue(Class<?> anchor) {
          return new ConcurrentHashMap<>();
        }
      };

  private final Type root;
  private final List<String> path = new ArrayList<>();
  private final Map<Type, ForwardSerializer<?>> inProgress = new HashMap<>();
  private final MethodHandles.Lookup lookup = MethodHandles.lookup();

  private SerializerDerivation(Type root) {
    this.root = root;
  }

  /**
   * The serializer of {@code type}.
   *
   * @throws InvalidTypesException naming {@code type} and the path of the field that failed
   */
  public static TypeSerializer<?> derive(Type type) {
    if (type instanceof Class<?> c && c.getClassLoader() != null && !c.isArray()) {
      return OF_CLASS.get(c);
    }
    Class<?> anchor = SharingAnchor.of(type);
    if (anchor == null) {
      return new SerializerDerivation(type).deriveType(type);
    }
    Map<Type, TypeSerializer<?>> shared = OF_ANCHOR.get(anchor);
    TypeSerializer<?> serializer = shared.get(type);
    if (serializer == null) {
      // derived outside the map: a derivation may itself derive and share nested types
      TypeSerializer<?> derived = new SerializerDerivation(type).deriveType(type);
      serializer = shared.putIfAbsent(type, derived);
      if (serializer == null) {
        serializer = derived;
      }
    }
    return serializer;
  }

  private TypeSerializer<?> deriveType(Type type) {
    if (path.size() > MAX_DEPTH) {
      throw new InvalidTypesException(
          "Cannot serialize "
              + root.getTypeName()
              + ": field '"
              + shortPath()
              + "' nests types deeper than "
              + MAX_DEPTH
              + " levels; the type expands without end (a recursive generic type?). "
              + USE_CONCRETE);
    }
    if (type instanceof TypeVariable<?> variable) {
      GenericDeclaration declaration = variable.getGenericDeclaration();
      String example =
          declaration instanceof Class<?> c
              ? "new TypeHint<" + c.getSimpleName() + "<String>>() {}"
              : "new TypeHint<...>() {}";
      throw unsupported(
          type,
          "is the type variable "
              + variable.getName()
              + " of "
              + declarationName(declaration)
              + " and is not bound to a concrete type. Spell the full type, e.g. "
              + example
              + " or Types.parameterized(...).");
    }
    if (type instanceof WildcardType wildcard) {
      Type[] upper = wildcard.getUpperBounds();
      if (wildcard.getLowerBounds().length == 0 && upper.length == 1 && upper[0] != Object.class) {
        return deriveType(upper[0]);
      }
      throw unsupported(type, "is a wildcard without a concrete upper bound. " + USE_CONCRETE);
    }
    if (type instanceof GenericArrayType array) {
      return objectArray(type, array.getGenericComponentType());
    }
    Class<?> raw = GenericTypes.rawClass(type);
    if (raw == null) {
      throw unsupported(type, "has no serializer. " + USE_CONCRETE);
    }
    BaseSerializer<?> leaf = leaf(raw);
    if (leaf != null) {
      return leaf;
    }
    if (raw.isArray()) {
      return objectArray(type, raw.getComponentType());
    }
    Class<?> enumClass = enumClass(raw);
    if (enumClass != null) {
      return enumSerializer(enumClass);
    }
    if (raw == Optional.class) {
      Type valueType = typeArguments(type)[0];
      return new OptionalSerializer<>(type, nested(valueType, "[value]", false));
    }
    IntFunction<? extends Collection<?>> collectionFactory = CollectionFactories.collection(raw);
    if (collectionFactory != null) {
      return collection(type, collectionFactory);
    }
    IntFunction<? extends Map<?, ?>> mapFactory = CollectionFactories.map(raw);
    if (mapFactory != null) {
      return map(type, mapFactory);
    }
    if (Tuple.class.isAssignableFrom(raw) && !Modifier.isAbstract(raw.getModifiers())) {
      return tuple(type);
    }
    if (raw == Object.class) {
      throw unsupported(type, "has no serializer. " + USE_CONCRETE);
    }
    if (Collection.class.isAssignableFrom(raw) || Map.class.isAssignableFrom(raw)) {
      throw unsupported(
          type,
          "is a collection class Sluice cannot create. Declare it as one of: "
              + CollectionFactories.supportedNames()
              + ".");
    }
    if (raw.isInterface()) {
      throw unsupported(type, "is an interface and has no serializer. " + USE_CONCRETE);
    }
    if (Modifier.isAbstract(raw.getModifiers())) {
      throw unsupported(type, "is abstract and has no serializer. " + USE_CONCRETE);
    }
    if (isJdkClass(raw)) {
      throw unsupported(
          type,
          "is a JDK class Sluice has no serializer for. Convert it to a supported type"
              + " (e.g. Instant instead of Date) or a record.");
    }
    return recursionSafe(type, raw);
  }

  /** Records and POJOs may refer to themselves; a second visit gets a forward reference. */
  private TypeSerializer<?> recursionSafe(Type type, Class<?> raw) {
    if (inProgress.containsKey(type)) {
      return inProgress.computeIfAbsent(type, ForwardSerializer::new);
    }
    inProgress.put(type, null);
    TypeSerializer<?> serializer = raw.isRecord() ? record(type, raw) : pojo(type, raw);
    ForwardSerializer<?> forward = inProgress.remove(type);
    if (forward != null) {
      bind(forward, serializer);
    }
    return serializer;
  }

  @SuppressWarnings("unchecked")
  private static <T> void bind(ForwardSerializer<T> forward, TypeSerializer<?> target) {
    forward.bind((TypeSerializer<T>) target);
  }

  private static BaseSerializer<?> leaf(Class<?> raw) {
    BaseSerializer<?> serializer = BasicSerializers.forClass(raw);
    if (serializer == null) {
      serializer = PrimitiveArraySerializers.forClass(raw);
    }
    if (serializer == null) {
      serializer = ValueSerializers.forClass(raw);
    }
    return serializer;
  }

  /** The enum of {@code raw}, also when it is the class of a constant with a body. */
  private static Class<?> enumClass(Class<?> raw) {
    if (raw.isEnum()) {
      return raw;
    }
    Class<?> superclass = raw.getSuperclass();
    return superclass != null && superclass.isEnum() ? superclass : null;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static TypeSerializer<?> enumSerializer(Class<?> enumClass) {
    return new EnumSerializer(enumClass);
  }

  private TypeSerializer<?> objectArray(Type type, Type componentType) {
    Class<?> componentClass = GenericTypes.rawClass(componentType);
    TypeSerializer<Object> elements = nested(componentType, "[]", false);
    if (componentClass == null) {
      // Unreachable for a bound component (type variables failed above); kept as a guard.
      throw unsupported(componentType, "has no serializer. " + USE_CONCRETE);
    }
    return new ObjectArraySerializer<>(type, componentClass, elements);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private TypeSerializer<?> collection(Type type, IntFunction<? extends Collection<?>> factory) {
    TypeSerializer<Object> elements = nested(typeArguments(type)[0], "[]", false);
    return new CollectionSerializer(type, factory, elements);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private TypeSerializer<?> map(Type type, IntFunction<? extends Map<?, ?>> factory) {
    Type[] arguments = typeArguments(type);
    TypeSerializer<Object> keys = nested(arguments[0], "[key]", false);
    TypeSerializer<Object> values = nested(arguments[1], "[value]", false);
    return new MapSerializer(type, factory, keys, values);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private TypeSerializer<?> tuple(Type type) {
    Type[] arguments = typeArguments(type);
    TypeSerializer<Object>[] fields = new TypeSerializer[arguments.length];
    for (int i = 0; i < arguments.length; i++) {
      fields[i] = nested(arguments[i], "f" + i, false);
    }
    return new TupleSerializer(type, fields);
  }

  private TypeSerializer<?> record(Type type, Class<?> recordClass) {
    Map<TypeVariable<?>, Type> bindings = GenericTypes.bindings(type);
    RecordComponent[] components = recordClass.getRecordComponents();
    List<MethodHandle> accessors = new ArrayList<>();
    List<TypeSerializer<Object>> serializers = new ArrayList<>();
    Class<?>[] componentClasses = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      RecordComponent component = components[i];
      componentClasses[i] = component.getType();
      Type componentType = GenericTypes.resolve(component.getGenericType(), bindings);
      serializers.add(
          nested(componentType, component.getName(), component.getType().isPrimitive()));
      accessors.add(accessor(type, component.getAccessor()));
    }
    MethodHandle constructor;
    try {
      Constructor<?> canonical = recordClass.getDeclaredConstructor(componentClasses);
      canonical.setAccessible(true);
      constructor = lookup.unreflectConstructor(canonical);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw inaccessible(type, "its canonical constructor", e);
    }
    return new RecordSerializer<>(type, recordClass, accessors, serializers, constructor);
  }

  private MethodHandle accessor(Type type, Method method) {
    try {
      method.setAccessible(true);
      return lookup.unreflect(method);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw inaccessible(type, "its accessor " + method.getName() + "()", e);
    }
  }

  private TypeSerializer<?> pojo(Type type, Class<?> pojoClass) {
    if (!Modifier.isPublic(pojoClass.getModifiers())) {
      throw unsupported(
          type,
          "is not public, so it cannot be serialized as a POJO. Make it public, or a record.");
    }
    if (pojoClass.isAnonymousClass()
        || pojoClass.isLocalClass()
        || (pojoClass.isMemberClass() && !Modifier.isStatic(pojoClass.getModifiers()))) {
      throw unsupported(
          type,
          "is an inner, local or anonymous class (it needs an enclosing instance)."
              + " Make it a static nested class, or a record.");
    }
    MethodHandle constructor;
    try {
      constructor = lookup.unreflectConstructor(pojoClass.getConstructor());
    } catch (NoSuchMethodException e) {
      throw unsupported(
          type,
          "is neither a record nor a POJO: it has no public no-argument constructor."
              + " Make it a record, or add a public no-argument constructor.");
    } catch (IllegalAccessException | RuntimeException e) {
      throw inaccessible(type, "its no-argument constructor", e);
    }
    Map<TypeVariable<?>, Type> bindings = GenericTypes.bindings(type);
    List<PojoSerializer.PojoField> fields = new ArrayList<>();
    for (Field field : serializableFields(pojoClass)) {
      path.add(field.getName());
      MethodHandle[] access = fieldAccess(pojoClass, field);
      path.remove(path.size() - 1);
      Type fieldType = GenericTypes.resolve(field.getGenericType(), bindings);
      TypeSerializer<Object> serializer =
          nested(fieldType, field.getName(), field.getType().isPrimitive());
      fields.add(new PojoSerializer.PojoField(field.getName(), access[0], access[1], serializer));
    }
    return new PojoSerializer<>(type, pojoClass, constructor, fields);
  }

  /**
   * The instance fields of {@code pojoClass} and its superclasses, minus transient ones, sorted by
   * name (then subclass first) so the format does not depend on reflection's order.
   */
  private static List<Field> serializableFields(Class<?> pojoClass) {
    List<Field> fields = new ArrayList<>();
    Map<Field, Integer> depth = new HashMap<>();
    int level = 0;
    for (Class<?> c = pojoClass; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        int modifiers = field.getModifiers();
        if (!Modifier.isStatic(modifiers)
            && !Modifier.isTransient(modifiers)
            && !field.isSynthetic()) {
          fields.add(field);
          depth.put(field, level);
        }
      }
      level++;
    }
    fields.sort(Comparator.comparing(Field::getName).thenComparing(depth::get));
    return fields;
  }

  /** The getter {@code (P)F} and setter {@code (P,F)} of a POJO field. */
  private MethodHandle[] fieldAccess(Class<?> pojoClass, Field field) {
    int modifiers = field.getModifiers();
    try {
      if (Modifier.isPublic(modifiers)) {
        if (Modifier.isFinal(modifiers)) {
          throw fieldProblem(
              "is final, so a POJO cannot set it after construction."
                  + " Make it non-final, or make the class a record.");
        }
        return new MethodHandle[] {lookup.unreflectGetter(field), lookup.unreflectSetter(field)};
      }
      Method getter = publicGetter(pojoClass, field);
      Method setter = publicSetter(pojoClass, field);
      if (getter == null || setter == null) {
        String capitalized =
            Character.toUpperCase(field.getName().charAt(0)) + field.getName().substring(1);
        throw fieldProblem(
            "is not public and has no public getter and setter (get"
                + capitalized
                + "() and set"
                + capitalized
                + "(...)). Make the field public, or add both.");
      }
      return new MethodHandle[] {lookup.unreflect(getter), lookup.unreflect(setter)};
    } catch (IllegalAccessException e) {
      throw fieldProblem("cannot be accessed (" + e.getMessage() + ").");
    }
  }

  private static Method publicGetter(Class<?> pojoClass, Field field) {
    String suffix = Character.toUpperCase(field.getName().charAt(0)) + field.getName().substring(1);
    List<String> names = new ArrayList<>(List.of("get" + suffix));
    if (field.getType() == boolean.class || field.getType() == Boolean.class) {
      names.add("is" + suffix);
    }
    for (String name : names) {
      try {
        Method method = pojoClass.getMethod(name);
        if (method.getReturnType() == field.getType()
            && !Modifier.isStatic(method.getModifiers())) {
          return method;
        }
      } catch (NoSuchMethodException e) {
        // try the next naming convention
      }
    }
    return null;
  }

  private static Method publicSetter(Class<?> pojoClass, Field field) {
    String suffix = Character.toUpperCase(field.getName().charAt(0)) + field.getName().substring(1);
    try {
      Method method = pojoClass.getMethod("set" + suffix, field.getType());
      return Modifier.isStatic(method.getModifiers()) ? null : method;
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  /**
   * The serializer of a field, element or entry: with a null marker unless it is primitive or
   * cannot be null (an Optional's value).
   */
  @SuppressWarnings("unchecked")
  private TypeSerializer<Object> nested(Type type, String segment, boolean nonNull) {
    path.add(segment);
    try {
      TypeSerializer<Object> serializer = (TypeSerializer<Object>) deriveType(type);
      return nonNull || isPrimitive(type) ? serializer : new NullableSerializer<>(serializer);
    } finally {
      path.remove(path.size() - 1);
    }
  }

  private static boolean isPrimitive(Type type) {
    return type instanceof Class<?> c && c.isPrimitive();
  }

  /** The type arguments of a parameterized type; a raw generic type is an error. */
  private Type[] typeArguments(Type type) {
    if (type instanceof ParameterizedType parameterized) {
      return parameterized.getActualTypeArguments();
    }
    String name = ((Class<?>) type).getSimpleName();
    throw unsupported(
        type,
        "is a raw type, so its type arguments are unknown. Spell them, e.g. new TypeHint<"
            + name
            + "<...>>() {} or Types.parameterized("
            + name
            + ".class, ...).");
  }

  private static boolean isJdkClass(Class<?> raw) {
    String name = raw.getName();
    return name.startsWith("java.")
        || name.startsWith("javax.")
        || name.startsWith("jdk.")
        || name.startsWith("sun.")
        || name.startsWith("com.sun.");
  }

  private static String declarationName(GenericDeclaration declaration) {
    if (declaration instanceof Class<?> c) {
      return c.getName();
    }
    if (declaration instanceof Method m) {
      return m.getDeclaringClass().getName() + "." + m.getName() + "(...)";
    }
    return String.valueOf(declaration);
  }

  private InvalidTypesException unsupported(Type type, String which) {
    if (path.isEmpty()) {
      return new InvalidTypesException("Cannot serialize " + root.getTypeName() + ": it " + which);
    }
    return new InvalidTypesException(
        "Cannot serialize "
            + root.getTypeName()
            + ": field '"
            + pathString()
            + "' has type "
            + type.getTypeName()
            + ", which "
            + which);
  }

  private InvalidTypesException fieldProblem(String problem) {
    return new InvalidTypesException(
        "Cannot serialize " + root.getTypeName() + ": field '" + pathString() + "' " + problem);
  }

  private InvalidTypesException inaccessible(Type type, String what, Exception cause) {
    String where = path.isEmpty() ? "" : " (field '" + pathString() + "')";
    return new InvalidTypesException(
        "Cannot serialize "
            + root.getTypeName()
            + ": "
            + type.getTypeName()
            + where
            + " cannot be accessed through "
            + what
            + ": "
            + cause
            + ". If it lives in a named module, open its package.",
        cause);
  }

  private String pathString() {
    StringBuilder sb = new StringBuilder();
    for (String segment : path) {
      if (sb.length() > 0 && !segment.startsWith("[")) {
        sb.append('.');
      }
      sb.append(segment);
    }
    return sb.toString();
  }

  private String shortPath() {
    String full = pathString();
    return full.length() <= 120 ? full : full.substring(0, 120) + "...";
  }
}
