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

/**
 * Copies user functions so that every parallel subtask owns its instance (a function may keep
 * fields, such as state handles set in {@code open}). Functions are {@link java.io.Serializable};
 * classes are resolved through the function's own class loader, which in OSGi is the job bundle's.
 * Records are never copied this way: this is for the functions only.
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
    ClassLoader loader = function.getClass().getClassLoader();
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
      try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
        out.writeObject(function);
      }
      try (ObjectInputStream in =
          new LoaderObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()), loader)) {
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

  /** Resolves classes through the function's loader first, falling back to the default lookup. */
  private static final class LoaderObjectInputStream extends ObjectInputStream {
    private final ClassLoader loader;

    LoaderObjectInputStream(InputStream in, ClassLoader loader) throws IOException {
      super(in);
      this.loader = loader;
    }

    @Override
    protected Class<?> resolveClass(ObjectStreamClass desc)
        throws IOException, ClassNotFoundException {
      if (loader != null) {
        try {
          return Class.forName(desc.getName(), false, loader);
        } catch (ClassNotFoundException e) {
          // fall through: a JDK or API class the bundle's loader does not see directly
        }
      }
      return super.resolveClass(desc);
    }
  }
}
