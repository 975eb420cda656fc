package io.sluice.api.typeutils.internal;

import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.IntFunction;

/**
 * Which class a deserialized collection gets, by its declared type. Interfaces get the class that
 * keeps the written iteration order ({@code Set} becomes a {@link LinkedHashSet}, {@code Map} a
 * {@link LinkedHashMap}), so a value iterates the same before and after a restore; sorted ones get
 * the tree classes with natural ordering (a custom comparator is not serialized).
 */
public final class CollectionFactories {
  private static final Map<Class<?>, IntFunction<? extends Collection<?>>> COLLECTIONS =
      Map.ofEntries(
          Map.entry(Collection.class, ArrayList::new),
          Map.entry(List.class, ArrayList::new),
          Map.entry(AbstractList.class, ArrayList::new),
          Map.entry(ArrayList.class, ArrayList::new),
          Map.entry(LinkedList.class, size -> new LinkedList<>()),
          Map.entry(Set.class, size -> new LinkedHashSet<>(hashCapacity(size))),
          Map.entry(AbstractSet.class, size -> new LinkedHashSet<>(hashCapacity(size))),
          Map.entry(LinkedHashSet.class, size -> new LinkedHashSet<>(hashCapacity(size))),
          Map.entry(HashSet.class, size -> new HashSet<>(hashCapacity(size))),
          Map.entry(SortedSet.class, size -> new TreeSet<>()),
          Map.entry(NavigableSet.class, size -> new TreeSet<>()),
          Map.entry(TreeSet.class, size -> new TreeSet<>()));

  private static final Map<Class<?>, IntFunction<? extends Map<?, ?>>> MAPS =
      Map.ofEntries(
          Map.entry(Map.class, size -> new LinkedHashMap<>(hashCapacity(size))),
          Map.entry(AbstractMap.class, size -> new LinkedHashMap<>(hashCapacity(size))),
          Map.entry(LinkedHashMap.class, size -> new LinkedHashMap<>(hashCapacity(size))),
          Map.entry(HashMap.class, size -> new HashMap<>(hashCapacity(size))),
          Map.entry(SortedMap.class, size -> new TreeMap<>()),
          Map.entry(NavigableMap.class, size -> new TreeMap<>()),
          Map.entry(TreeMap.class, size -> new TreeMap<>()),
          Map.entry(ConcurrentMap.class, size -> new ConcurrentHashMap<>(hashCapacity(size))),
          Map.entry(ConcurrentHashMap.class, size -> new ConcurrentHashMap<>(hashCapacity(size))));

  private CollectionFactories() {}

  /** The factory for collections declared as {@code type}, or null if it is not supported. */
  public static IntFunction<? extends Collection<?>> collection(Class<?> type) {
    return COLLECTIONS.get(type);
  }

  /** The factory for maps declared as {@code type}, or null if it is not supported. */
  public static IntFunction<? extends Map<?, ?>> map(Class<?> type) {
    return MAPS.get(type);
  }

  /** The names of the supported collection and map classes, for error messages. */
  public static String supportedNames() {
    StringBuilder names = new StringBuilder();
    COLLECTIONS.keySet().stream()
        .map(Class::getSimpleName)
        .sorted()
        .forEach(name -> names.append(names.length() == 0 ? "" : ", ").append(name));
    MAPS.keySet().stream()
        .map(Class::getSimpleName)
        .sorted()
        .forEach(name -> names.append(", ").append(name));
    return names.toString();
  }

  private static int hashCapacity(int size) {
    return (int) Math.min(1L << 30, (long) size * 4 / 3 + 1);
  }
}
