package io.sluice.api.typeutils.internal;

import io.sluice.api.typeutils.DataInputView;
import io.sluice.api.typeutils.DataOutputView;
import java.io.IOException;
import java.lang.constant.ConstantDescs;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.util.List;

/**
 * The template {@link StructCodecs} copies once per record type as a hidden class whose class data
 * holds that type's two method handles. In the copy they are {@code static final}, so constants to
 * the JIT, which then inlines the whole component sequence into {@link #write} and {@link #read}:
 * the effect of generated code, with no bytecode written. This class itself (not hidden) has no
 * class data and is never instantiated.
 */
final class GeneratedCodec implements StructCodec {
  /** {@code (Object record, DataOutputView out) void}. */
  private static final MethodHandle WRITE = part(0);

  /** {@code (DataInputView in) Object}. */
  private static final MethodHandle READ = part(1);

  GeneratedCodec() {
    if (WRITE == null) {
      throw new IllegalStateException("only hidden copies made by StructCodecs can be used");
    }
  }

  @Override
  public void write(Object record, DataOutputView out) throws IOException {
    try {
      WRITE.invokeExact(record, out);
    } catch (IOException | RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException("writing " + record.getClass().getName() + " failed", e);
    }
  }

  @Override
  public Object read(DataInputView in) throws IOException {
    try {
      return (Object) READ.invokeExact(in);
    } catch (IOException | RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException("reading a record failed", e);
    }
  }

  private static MethodHandle part(int index) {
    try {
      List<?> parts =
          MethodHandles.classData(MethodHandles.lookup(), ConstantDescs.DEFAULT_NAME, List.class);
      return parts == null ? null : (MethodHandle) parts.get(index);
    } catch (IllegalAccessException e) {
      throw new ExceptionInInitializerError(e);
    }
  }
}
