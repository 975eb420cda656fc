package io.sluice.runtime.network;

/**
 * Extracts the partitioning key of a record; user code, so it may throw.
 *
 * @param <T> the records
 * @param <K> the keys, whose {@code hashCode} must be stable across JVMs
 */
@FunctionalInterface
public interface KeyExtractor<T, K> {
  K getKey(T record) throws Exception;
}
