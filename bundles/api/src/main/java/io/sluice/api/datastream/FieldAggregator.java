package io.sluice.api.datastream;

import io.sluice.api.functions.ReduceFunction;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * The reduce behind {@code sum}, {@code min} and {@code max}: combines one numeric (or, for
 * min/max, comparable) field and keeps the other fields of the accumulated element. Records are
 * rebuilt through their canonical constructor; tuples and POJOs are copied field by field into a
 * new instance.
 */
final class FieldAggregator<T> implements ReduceFunction<T> {
  private static final long serialVersionUID = 1L;

  enum Kind {
    SUM("Sum"),
    MIN("Min"),
    MAX("Max");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    String label() {
      return label;
    }
  }

  private final Class<?> type;
  private final String fieldName;
  private final Kind kind;
  private transient Accessor accessor;

  private FieldAggregator(Class<?> type, String fieldName, Kind kind) {
    this.type = type;
    this.fieldName = fieldName;
    this.kind = kind;
  }

  static <T> FieldAggregator<T> create(Type elementType, FieldRef ref, Kind kind) {
    Class<?> raw =
        elementType instanceof ParameterizedType p
            ? (Class<?>) p.getRawType()
            : elementType instanceof Class<?> c ? c : null;
    if (raw == null) {
      throw new IllegalArgumentException(
          kind.label() + "(" + ref + ") needs a tuple, record or POJO element, not " + elementType);
    }
    String name = ref.name() != null ? ref.name() : nameOfPosition(raw, ref.position());
    FieldAggregator<T> aggregator = new FieldAggregator<>(raw, name, kind);
    aggregator.accessor(); // fail at build time for unknown fields
    return aggregator;
  }

  private static String nameOfPosition(Class<?> raw, int position) {
    if (raw.isRecord()) {
      RecordComponent[] components = raw.getRecordComponents();
      if (position >= components.length) {
        throw new IllegalArgumentException(
            raw.getName() + " has " + components.length + " components; no position " + position);
      }
      return components[position].getName();
    }
    return "f" + position; // tuples name their fields f0, f1, …
  }

  @Override
  public T reduce(T accumulated, T value) throws Exception {
    Accessor a = accessor();
    Object combined = combine(a.get(accumulated), a.get(value));
    return a.with(accumulated, combined);
  }

  private Object combine(Object left, Object right) {
    if (kind == Kind.SUM) {
      return add(left, right);
    }
    @SuppressWarnings({"unchecked", "rawtypes"})
    int order = ((Comparable) left).compareTo(right);
    return kind == Kind.MIN ? (order <= 0 ? left : right) : (order >= 0 ? left : right);
  }

  private Object add(Object a, Object b) {
    if (a instanceof Integer x) {
      return x + (Integer) b;
    } else if (a instanceof Long x) {
      return x + (Long) b;
    } else if (a instanceof Double x) {
      return x + (Double) b;
    } else if (a instanceof Float x) {
      return x + (Float) b;
    } else if (a instanceof Short x) {
      return (short) (x + (Short) b);
    } else if (a instanceof Byte x) {
      return (byte) (x + (Byte) b);
    } else if (a instanceof BigInteger x) {
      return x.add((BigInteger) b);
    } else if (a instanceof BigDecimal x) {
      return x.add((BigDecimal) b);
    }
    throw new IllegalArgumentException(
        "sum(" + fieldName + ") needs a numeric field; got " + a.getClass().getName());
  }

  @SuppressWarnings("unchecked")
  private Accessor accessor() {
    if (accessor == null) {
      accessor =
          type.isRecord()
              ? new RecordAccessor(type, fieldName)
              : new FieldAccessor(type, fieldName);
    }
    return accessor;
  }

  /** Reads the field and builds an element with a new field value. */
  private interface Accessor {
    Object get(Object element) throws Exception;

    <T> T with(T element, Object fieldValue) throws Exception;
  }

  private static final class RecordAccessor implements Accessor {
    private final RecordComponent[] components;
    private final int index;
    private final Constructor<?> constructor;

    RecordAccessor(Class<?> type, String name) {
      components = type.getRecordComponents();
      index = Arrays.stream(components).map(RecordComponent::getName).toList().indexOf(name);
      if (index < 0) {
        throw new IllegalArgumentException(type.getName() + " has no component '" + name + "'");
      }
      try {
        constructor =
            type.getDeclaredConstructor(
                Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
        constructor.setAccessible(true);
        for (RecordComponent c : components) {
          c.getAccessor().setAccessible(true);
        }
      } catch (ReflectiveOperationException | RuntimeException e) {
        throw new IllegalArgumentException("cannot rebuild record " + type.getName() + ": " + e, e);
      }
    }

    @Override
    public Object get(Object element) throws Exception {
      return components[index].getAccessor().invoke(element);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T with(T element, Object fieldValue) throws Exception {
      Object[] args = new Object[components.length];
      for (int i = 0; i < components.length; i++) {
        args[i] = i == index ? fieldValue : components[i].getAccessor().invoke(element);
      }
      return (T) constructor.newInstance(args);
    }
  }

  private static final class FieldAccessor implements Accessor {
    private final Field field;
    private final Field[] allFields;
    private final Constructor<?> constructor;

    FieldAccessor(Class<?> type, String name) {
      try {
        field = findField(type, name);
        field.setAccessible(true);
        constructor = type.getDeclaredConstructor();
        constructor.setAccessible(true);
      } catch (ReflectiveOperationException | RuntimeException e) {
        throw new IllegalArgumentException(
            type.getName()
                + " has no accessible field '"
                + name
                + "' and no-arg constructor for aggregation: "
                + e,
            e);
      }
      allFields = instanceFields(type);
    }

    private static Field findField(Class<?> type, String name) throws NoSuchFieldException {
      for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
        try {
          return c.getDeclaredField(name);
        } catch (NoSuchFieldException e) {
          // look in the superclass
        }
      }
      throw new NoSuchFieldException(name);
    }

    private static Field[] instanceFields(Class<?> type) {
      java.util.List<Field> fields = new java.util.ArrayList<>();
      for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
        for (Field f : c.getDeclaredFields()) {
          if (!Modifier.isStatic(f.getModifiers())) {
            f.setAccessible(true);
            fields.add(f);
          }
        }
      }
      return fields.toArray(Field[]::new);
    }

    @Override
    public Object get(Object element) throws Exception {
      return field.get(element);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T with(T element, Object fieldValue) throws Exception {
      Object copy = constructor.newInstance();
      for (Field f : allFields) {
        f.set(copy, f.get(element));
      }
      field.set(copy, fieldValue);
      return (T) copy;
    }
  }
}
