package io.sluice.runtime.task;

import io.sluice.api.operators.Output;
import io.sluice.spi.codegen.HiddenCopies;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Makes the {@link ChainedOutput} of each chain edge from its own hidden copy of that class (same
 * bytecode, defined again), so that each edge's call into its next operator is profiled and inlined
 * on its own by the JIT. Hidden classes go away with their instances, so copies do not accumulate
 * as jobs come and go.
 */
final class ChainedOutputFactory {
  private static final MethodType CONSTRUCTOR =
      MethodType.methodType(void.class, OperatorHandle.class);

  private ChainedOutputFactory() {}

  /** A chained output to {@code next}, of a class no other edge uses. */
  @SuppressWarnings("unchecked")
  static <T> Output<T> create(OperatorHandle<T, ?> next) {
    try {
      MethodHandles.Lookup copy =
          HiddenCopies.define(MethodHandles.lookup(), ChainedOutput.class, null);
      MethodHandle constructor = copy.findConstructor(copy.lookupClass(), CONSTRUCTOR);
      return (Output<T>) constructor.invoke(next);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException("cannot copy " + ChainedOutput.class.getName(), e);
    }
  }
}
