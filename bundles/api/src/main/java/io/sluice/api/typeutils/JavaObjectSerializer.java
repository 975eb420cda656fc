package io.sluice.api.typeutils;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;

/**
 * The default {@link SimpleVersionedSerializer} of splits, enumerator states and committables: Java
 * serialization, resolving classes through the given class loader (the job bundle's), so records
 * that implement {@link java.io.Serializable} need no serializer of their own. Connectors that
 * evolve their state should provide a versioned serializer instead.
 */
public final class JavaObjectSerializer<T> implements SimpleVersionedSerializer<T> {
  private final ClassLoader classLoader;

  public JavaObjectSerializer(ClassLoader classLoader) {
    this.classLoader = classLoader;
  }

  @Override
  public int getVersion() {
    return 1;
  }

  @Override
  public byte[] serialize(T value) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    } catch (NotSerializableException e) {
      throw new IOException(
          "cannot checkpoint "
              + value.getClass().getName()
              + ": "
              + e.getMessage()
              + " is not java.io.Serializable; make it Serializable or give the connector a"
              + " SimpleVersionedSerializer",
          e);
    }
    return bytes.toByteArray();
  }

  @Override
  @SuppressWarnings("unchecked")
  public T deserialize(int version, byte[] serialized) throws IOException {
    if (version != 1) {
      throw new IOException("unknown version " + version + " of Java-serialized state");
    }
    try (ObjectInputStream in = new LoaderObjectInputStream(serialized, classLoader)) {
      return (T) in.readObject();
    } catch (ClassNotFoundException e) {
      throw new IOException(
          "checkpointed state needs class " + e.getMessage() + ", which the job does not have", e);
    }
  }

  /** Resolves classes through the job's loader first. */
  private static final class LoaderObjectInputStream extends ObjectInputStream {
    private final ClassLoader loader;

    LoaderObjectInputStream(byte[] bytes, ClassLoader loader) throws IOException {
      super(streamOf(bytes));
      this.loader = loader;
    }

    private static InputStream streamOf(byte[] bytes) {
      return new ByteArrayInputStream(bytes);
    }

    @Override
    protected Class<?> resolveClass(ObjectStreamClass desc)
        throws IOException, ClassNotFoundException {
      if (loader != null) {
        try {
          return Class.forName(desc.getName(), false, loader);
        } catch (ClassNotFoundException e) {
          // fall through to the default (JDK classes, arrays of primitives)
        }
      }
      return super.resolveClass(desc);
    }
  }
}
