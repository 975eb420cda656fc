package io.sluice.api.functions;

/**
 * Extracts the key of an element. Keys must be deterministic, have a value-based {@code hashCode}
 * that is the same in every JVM (String, boxed numbers, records and tuples of those; not enums or
 * arrays), and a serializable type.
 */
@FunctionalInterface
public interface KeySelector<IN, KEY> extends Function {
  KEY getKey(IN value) throws Exception;
}
