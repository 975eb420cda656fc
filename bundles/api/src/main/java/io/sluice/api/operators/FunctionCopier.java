package io.sluice.api.operators;

import io.sluice.api.functions.Function;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.Map;

/**
 * Copies user functions so that every parallel subtask owns its instance (a function may keep
 * fields, such as state handles set in {@code open}). Functions are {@link java.io.Serializable};
 * each class is resolved through the loader that defined it (in OSGi the job bundle's or the API
 * bundle's). Records are never copied this way: this is for the functions only.
 */
public final class FunctionCopier {
  private FunctionCopier() {}

  /**
   * A deep copy of {@code function}.
   *
   * @param operatorName named in the error
   * @throws IllegalArgumentException if the function (or what it captures) is not serializable
   */
  @SuppressWarnings("unchecked")
  public static <F extends Function> F copy(F function, String operatorName) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
      LoaderRecordingOutputStream out = new LoaderRecordingOutputStream(bytes);
      try (out) {
        out.writeObject(function);
      }
      try (ObjectInputStream in =
          new LoaderObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()), out.loaders)) {
        return (F) in.readObject();
      }
    } catch (NotSerializableException e) {
      throw new IllegalArgumentException(
          "The function of operator '"
              + operatorName
              + "' ("
              + function.getClass().getName()
              + ") cannot be copied to its parallel subtasks: it holds a "
              + e.getMessage()
              + ", which is not serializable. Mark that field transient and create it in open(),"
              + " or capture only serializable values.",
          e);
    } catch (IOException | ClassNotFoundException | RuntimeException e) {
      throw new IllegalArgumentException(
          "The function of operator '"
              + operatorName
              + "' ("
              + function.getClass().getName()
              + ") cannot be copied to its parallel subtasks: "
              + e,
          e);
    }
  }

  /**
   * Remembers the class loader of every class written. A function of one bundle may wrap objects of
   * another (an API operator around a job's function), so no single loader sees every class.
   */
  private static final class LoaderRecordingOutputStream extends ObjectOutputStream {
    final Map<String, ClassLoader> loaders = new HashMap<>();

    LoaderRecordingOutputStream(OutputStream out) throws IOException {
      super(out);
    }

    @Override
    protected void annotateClass(Class<?> type) {
      ClassLoader loader = type.getClassLoader();
      if (loader != null) {
        loaders.put(type.getName(), loader);
      }
    }

    @Override
    protected void annotateProxyClass(Class<?> type) {
      annotateClass(type);
    }
  }

  /** Resolves each class through the loader that defined it on the writing side. */
  private static final class LoaderObjectInputStream extends ObjectInputStream {
    private final Map<String, ClassLoader> loaders;

    LoaderObjectInputStream(InputStream in, Map<String, ClassLoader> loaders) throws IOException {
      super(in);
      this.loaders = loaders;
    }

    @Override
    protected Class<?> resolveClass(ObjectStreamClass desc)
        throws IOException, ClassNotFoundException {
      ClassLoader loader = loaders.get(desc.getName());
      if (loader != null) {
        return Class.forName(desc.getName(), false, loader);
      }
      return super.resolveClass(desc); // JDK classes, primitives' arrays
    }
  }
}
