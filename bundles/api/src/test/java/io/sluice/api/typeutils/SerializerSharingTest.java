package io.sluice.api.typeutils;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.datastream.CoGroupedStreams.TaggedUnion;
import io.sluice.api.typeutils.SampleTypes.Point;
import io.sluice.api.typeutils.SampleTypes.Sale;
import java.lang.ref.WeakReference;
import java.lang.reflect.Type;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Serializers of application classes, and of parameterized types naming them, are derived once and
 * shared, without pinning the classes.
 */
class SerializerSharingTest {

  @Test
  void aRecordClassIsDerivedOnceSoEveryJobGetsTheSameSerializer() {
    assertThat(TypeSerializers.forClass(Point.class))
        .isSameAs(TypeSerializers.forClass(Point.class));
    assertThat(TypeSerializers.forClass(Sale.class)).isSameAs(TypeSerializers.forClass(Sale.class));
  }

  @Test
  void aParameterizedTypeOfApplicationClassesIsDerivedOnceSoJobsShareItsCodec() {
    Type union = Types.parameterized(TaggedUnion.class, Point.class, Sale.class);
    assertThat(TypeSerializers.forType(union)).isSameAs(TypeSerializers.forType(union));
    Type points = Types.parameterized(List.class, Point.class);
    assertThat(TypeSerializers.forType(points)).isSameAs(TypeSerializers.forType(points));
    assertThat(TypeSerializers.forType(Point[].class))
        .isSameAs(TypeSerializers.forType(Point[].class));
  }

  @Test
  void typesOfJdkClassesOnlyAreDerivedPerCall() {
    Type strings = Types.parameterized(List.class, String.class);
    assertThat(TypeSerializers.forType(strings)).isNotSameAs(TypeSerializers.forType(strings));
  }

  @Test
  void aSharedParameterizedSerializerLetsTheJobClassAndLoaderBeCollected() throws Exception {
    WeakReference<ClassLoader> loader = deriveUnionInThrowawayChildLoader();
    assertThat(collected(loader)).as("the job class loader after its union was derived").isTrue();
  }

  @Test
  void aSharedSerializerLetsItsClassAndClassLoaderBeCollected() throws Exception {
    WeakReference<ClassLoader> loader = deriveInThrowawayLoader();
    assertThat(collected(loader))
        .as("the job class loader after its serializer was derived")
        .isTrue();
  }

  /** Whether {@code reference} is cleared within about two seconds of asking for collections. */
  private static boolean collected(WeakReference<?> reference) throws InterruptedException {
    for (int i = 0; i < 100 && reference.get() != null; i++) {
      System.gc();
      Thread.sleep(20);
    }
    return reference.get() == null;
  }

  /**
   * Loads Point again in a child-first loader that sees this test's classes otherwise (as a job
   * bundle sees the API bundle), derives {@code TaggedUnion<Point, String>} twice (shared, kept
   * with the job's Point, which sees TaggedUnion), round-trips a value, forgets all of it.
   */
  private static WeakReference<ClassLoader> deriveUnionInThrowawayChildLoader() throws Exception {
    URL classes = Point.class.getProtectionDomain().getCodeSource().getLocation();
    URLClassLoader jobLoader =
        new URLClassLoader(new URL[] {classes}, SerializerSharingTest.class.getClassLoader()) {
          @Override
          protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.equals(Point.class.getName())) {
              return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
              Class<?> loaded = findLoadedClass(name);
              return loaded != null ? loaded : findClass(name);
            }
          }
        };
    Class<?> point = jobLoader.loadClass(Point.class.getName());
    assertThat(point).isNotSameAs(Point.class);
    Type union = Types.parameterized(TaggedUnion.class, point, String.class);
    @SuppressWarnings("unchecked")
    TypeSerializer<Object> serializer = (TypeSerializer<Object>) TypeSerializers.forType(union);
    assertThat(TypeSerializers.forType(union)).isSameAs(serializer);
    // one = Point(3, 4), two = null
    byte[] bytes = {1, 0, 0, 0, 3, 0, 0, 0, 4, 0};
    Object value = serializer.deserialize(new DataInputDeserializer(bytes));
    assertThat(((TaggedUnion<?, ?>) value).one().getClass()).isSameAs(point);
    DataOutputSerializer out = new DataOutputSerializer(16);
    serializer.serialize(value, out);
    assertThat(out.copyOfBuffer()).containsExactly(bytes);
    jobLoader.close();
    return new WeakReference<>(jobLoader);
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
