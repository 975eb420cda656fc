package io.sluice.spi.codegen;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.util.List;
import java.util.Objects;

/**
 * Defines a hidden copy of a template class: the same bytecode, defined again as a class of its
 * own. A call site inside the copy sees only what this copy's instances call, so the JIT profiles
 * and inlines it separately from every other copy; {@code static final} fields the copy initializes
 * from its class data ({@link MethodHandles#classData}) are constants to the JIT. Hidden classes
 * are unloaded with their last instance, so copies do not pile up.
 *
 * <pre>{@code
 * MethodHandles.Lookup copy = HiddenCopies.define(MethodHandles.lookup(), Template.class, null);
 * Object instance = copy.findConstructor(copy.lookupClass(), methodType(void.class)).invoke();
 * }</pre>
 */
public final class HiddenCopies {
  private static final ClassValue<byte[]> BYTECODE =
      new ClassValue<>() {
        @Override
        protected byte[] computeValue(Class<?> template) {
          return readBytecode(template);
        }
      };

  private HiddenCopies() {}

  /**
   * A hidden copy of {@code template}, initialized, with {@code classData} (a list of constants, or
   * null for none).
   *
   * @param host a full-privilege lookup in the template's package (usually {@code
   *     MethodHandles.lookup()} in the calling class)
   * @return the copy's full-privilege lookup
   */
  public static MethodHandles.Lookup define(
      MethodHandles.Lookup host, Class<?> template, List<?> classData) {
    Objects.requireNonNull(host, "host");
    byte[] bytecode = BYTECODE.get(template);
    try {
      return classData == null
          ? host.defineHiddenClass(bytecode, true)
          : host.defineHiddenClassWithClassData(bytecode, classData, true);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(
          "cannot define a hidden copy of " + template.getName() + " from " + host, e);
    }
  }

  private static byte[] readBytecode(Class<?> template) {
    String resource = template.getName().substring(template.getName().lastIndexOf('.') + 1);
    try (InputStream in = template.getResourceAsStream(resource + ".class")) {
      if (in == null) {
        throw new IllegalStateException(
            "the class file of " + template.getName() + " is not on its class path");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the class file of " + template.getName(), e);
    }
  }
}
