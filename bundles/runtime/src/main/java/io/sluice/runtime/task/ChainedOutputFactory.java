package io.sluice.runtime.task;

import io.sluice.api.operators.Output;
import io.sluice.api.operators.StreamOperator;
import io.sluice.api.operators.UdfOperator;
import io.sluice.spi.codegen.HiddenCopies;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Makes the {@link ChainedOutput} of each chain edge from a hidden copy of that class (same
 * bytecode, defined again), so that each edge's call into its next operator is profiled and inlined
 * on its own by the JIT.
 *
 * <p>There is one copy per kind of next operator: the class of its user function, or the operator's
 * own class for an operator without one. Edges into the same kind share it, in one job and across
 * jobs, so a job that runs again (a restart, a resubmission, a benchmark's measured run after its
 * warm-up) finds the code the JIT compiled for it still valid: a copy per edge and job made every
 * new job throw that code away and run its chain in the interpreter and C1 until C2 compiled it
 * again (about half a second of a NEXMark q3 run). The copies are held in a {@link ClassValue} of
 * that class, so they go away with it (a job bundle's).
 */
final class ChainedOutputFactory {
  private static final MethodType CONSTRUCTOR =
      MethodType.methodType(void.class, OperatorHandle.class);

  /** The constructor of the copy for each kind of next operator. */
  private static final ClassValue<MethodHandle> COPIES =
      new ClassValue<>() {
        @Override
        protected MethodHandle computeValue(Class<?> kind) {
          return newCopy();
        }
      };

  private ChainedOutputFactory() {}

  /** A chained output to {@code next}, of the copy for {@code next}'s kind of operator. */
  @SuppressWarnings("unchecked")
  static <T> Output<T> create(OperatorHandle<T, ?> next) {
    StreamOperator<?> operator = next.operator();
    Class<?> kind =
        operator instanceof UdfOperator<?, ?> udf
            ? udf.userFunction().getClass()
            : operator.getClass();
    MethodHandle constructor = COPIES.get(kind);
    try {
      return (Output<T>) constructor.invoke(next);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException("cannot create a " + ChainedOutput.class.getName(), e);
    }
  }

  private static MethodHandle newCopy() {
    try {
      MethodHandles.Lookup copy =
          HiddenCopies.define(MethodHandles.lookup(), ChainedOutput.class, null);
      return copy.findConstructor(copy.lookupClass(), CONSTRUCTOR);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot copy " + ChainedOutput.class.getName(), e);
    }
  }
}
