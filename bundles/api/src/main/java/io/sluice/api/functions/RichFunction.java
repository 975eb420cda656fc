package io.sluice.api.functions;

/**
 * A function with a lifecycle: {@link #open} runs once per subtask before the first element (create
 * state handles here), {@link #close} after the last. Implement it next to the function interface:
 * {@code class Counter implements MapFunction<String, Long>, RichFunction}.
 */
public interface RichFunction extends Function {
  default void open(RuntimeContext context) throws Exception {}

  default void close() throws Exception {}
}
