package io.sluice.api.typeutils;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.typeutils.SampleTypes.Point;
import io.sluice.api.typeutils.SampleTypes.Sale;
import java.lang.ref.WeakReference;
import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;

/** Serializers of application classes are derived once and shared, without pinning the class. */
class SerializerSharingTest {

  @Test
  void aRecordClassIsDerivedOnceSoEveryJobGetsTheSameSerializer() {
    assertThat(TypeSerializers.forClass(Point.class))
        .isSameAs(TypeSerializers.forClass(Point.class));
    assertThat(TypeSerializers.forClass(Sale.class)).isSameAs(TypeSerializers.forClass(Sale.class));
  }

  @Test
  void aSharedSerializerLetsItsClassAndClassLoaderBeCollected() throws Exception {
    WeakReference<ClassLoader> loader = deriveInThrowawayLoader();
    for (int i = 0; i < 100 && loader.get() != null; i++) {
      System.gc();
      Thread.sleep(20);
    }
    assertThat(loader.get()).as("the job class loader after its serializer was derived").isNull();
  }

  /**
   * Loads Point again in a loader of its own, reads and writes a value with its serializer, forgets
   * both. (The value is not compared with equals: a record's equals is bootstrapped by the JDK,
   * which keeps what it made for the class longer than this test waits.)
   */
  private static WeakReference<ClassLoader> deriveInThrowawayLoader() throws Exception {
    URL classes = Point.class.getProtectionDomain().getCodeSource().getLocation();
    URLClassLoader jobLoader =
        new URLClassLoader(new URL[] {classes}, ClassLoader.getPlatformClassLoader());
    Class<?> point = jobLoader.loadClass(Point.class.getName());
    assertThat(point).isNotSameAs(Point.class);
    @SuppressWarnings("unchecked")
    TypeSerializer<Object> serializer = (TypeSerializer<Object>) TypeSerializers.forClass(point);
    byte[] bytes = {0, 0, 0, 3, 0, 0, 0, 4};
    Object value = serializer.deserialize(new DataInputDeserializer(bytes));
    assertThat(value.getClass()).isSameAs(point);
    DataOutputSerializer out = new DataOutputSerializer(16);
    serializer.serialize(value, out);
    assertThat(out.copyOfBuffer()).containsExactly(bytes);
    assertThat(TypeSerializers.forClass(point)).isSameAs(serializer);
    jobLoader.close();
    return new WeakReference<>(jobLoader);
  }
}
