package io.sluice.api.typeutils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.tuple.Tuple2;
import io.sluice.api.tuple.Tuple3;
import io.sluice.api.tuple.Tuple5;
import io.sluice.api.typeutils.SampleTypes.Address;
import io.sluice.api.typeutils.SampleTypes.Box;
import io.sluice.api.typeutils.SampleTypes.Color;
import io.sluice.api.typeutils.SampleTypes.Customer;
import io.sluice.api.typeutils.SampleTypes.Node;
import io.sluice.api.typeutils.SampleTypes.Point;
import io.sluice.api.typeutils.SampleTypes.Sale;
import io.sluice.api.typeutils.SampleTypes.Shipment;
import io.sluice.api.typeutils.SampleTypes.StringBox;
import io.sluice.api.typeutils.SampleTypes.Tree;
import io.sluice.api.typeutils.SampleTypes.Wrapper;
import java.io.EOFException;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TypeSerializersTest {

  @Test
  void primitivesAndTheirBoxesRoundTrip() throws IOException {
    assertThat(roundTrip(TypeSerializers.forClass(int.class), 42)).isEqualTo(42);
    assertThat(roundTrip(TypeSerializers.forClass(Integer.class), -7)).isEqualTo(-7);
    assertThat(roundTrip(TypeSerializers.forClass(Long.class), Long.MIN_VALUE))
        .isEqualTo(Long.MIN_VALUE);
    assertThat(roundTrip(TypeSerializers.forClass(Double.class), Double.NaN)).isNaN();
    assertThat(roundTrip(TypeSerializers.forClass(Float.class), 1.25f)).isEqualTo(1.25f);
    assertThat(roundTrip(TypeSerializers.forClass(Boolean.class), true)).isTrue();
    assertThat(roundTrip(TypeSerializers.forClass(Character.class), '\u4e2d')).isEqualTo('\u4e2d');
    assertThat(roundTrip(TypeSerializers.forClass(Byte.class), (byte) -128)).isEqualTo((byte) -128);
    assertThat(roundTrip(TypeSerializers.forClass(Short.class), (short) 31_000))
        .isEqualTo((short) 31_000);
  }

  @Test
  void stringsRoundTripIncludingChineseAndEmoji() throws IOException {
    TypeSerializer<String> serializer = TypeSerializers.forClass(String.class);

    for (String value : List.of("", "ascii", "\u5317\u4eac\u6b22\u8fce\u4f60", "\ud83c\udf89 ok")) {
      assertThat(roundTrip(serializer, value)).isEqualTo(value);
    }
  }

  @Test
  void primitiveArraysRoundTripAndCopiesAreIndependent() throws IOException {
    assertThat(roundTrip(TypeSerializers.forClass(byte[].class), new byte[] {1, -2, 3}))
        .containsExactly(1, -2, 3);
    assertThat(roundTrip(TypeSerializers.forClass(int[].class), new int[] {})).isEmpty();
    assertThat(roundTrip(TypeSerializers.forClass(long[].class), new long[] {Long.MAX_VALUE, 0}))
        .containsExactly(Long.MAX_VALUE, 0);
    assertThat(roundTrip(TypeSerializers.forClass(double[].class), new double[] {0.5}))
        .containsExactly(0.5);
    assertThat(roundTrip(TypeSerializers.forClass(boolean[].class), new boolean[] {true, false}))
        .containsExactly(true, false);
    assertThat(roundTrip(TypeSerializers.forClass(char[].class), "h\u00e9".toCharArray()))
        .containsExactly('h', '\u00e9');
    assertThat(roundTrip(TypeSerializers.forClass(short[].class), new short[] {-1}))
        .containsExactly((short) -1);
    assertThat(roundTrip(TypeSerializers.forClass(float[].class), new float[] {2f}))
        .containsExactly(2f);

    int[] original = {1, 2, 3};
    int[] copy = TypeSerializers.forClass(int[].class).copy(original);
    copy[0] = 99;
    assertThat(original).containsExactly(1, 2, 3);
  }

  @Test
  void enumsAreWrittenByNameAndReadBackAsTheSameConstant() throws IOException {
    TypeSerializer<Color> serializer = TypeSerializers.forClass(Color.class);
    DataOutputSerializer out = new DataOutputSerializer();

    serializer.serialize(Color.BLUE, out);

    assertThat(new DataInputDeserializer(out.copyOfBuffer()).readString()).isEqualTo("BLUE");
    assertThat(roundTrip(serializer, Color.GREEN)).isSameAs(Color.GREEN);
  }

  @Test
  void anEnumNameThatNoLongerExistsIsACorruptRecordNotAWrongConstant() {
    DataOutputSerializer out = new DataOutputSerializer();
    out.writeString("PURPLE");
    TypeSerializer<Color> serializer = TypeSerializers.forClass(Color.class);

    assertThatThrownBy(() -> serializer.deserialize(new DataInputDeserializer(out.copyOfBuffer())))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("PURPLE")
        .hasMessageContaining(Color.class.getName());
  }

  @Test
  void timeAndBigNumberValuesRoundTrip() throws IOException {
    Instant instant = Instant.parse("2024-02-29T23:59:59.123456789Z");
    assertThat(roundTrip(TypeSerializers.forClass(Instant.class), instant)).isEqualTo(instant);
    assertThat(roundTrip(TypeSerializers.forClass(Instant.class), Instant.MIN))
        .isEqualTo(Instant.MIN);
    LocalDate date = LocalDate.of(-44, 3, 15);
    assertThat(roundTrip(TypeSerializers.forClass(LocalDate.class), date)).isEqualTo(date);
    LocalDateTime dateTime = LocalDateTime.of(2030, 12, 31, 23, 59, 58, 999_999_999);
    assertThat(roundTrip(TypeSerializers.forClass(LocalDateTime.class), dateTime))
        .isEqualTo(dateTime);
    assertThat(roundTrip(TypeSerializers.forClass(LocalTime.class), LocalTime.NOON))
        .isEqualTo(LocalTime.NOON);
    assertThat(roundTrip(TypeSerializers.forClass(Duration.class), Duration.ofMillis(-1500)))
        .isEqualTo(Duration.ofMillis(-1500));
    BigDecimal decimal = new BigDecimal("-12345678901234567890.000123");
    assertThat(roundTrip(TypeSerializers.forClass(BigDecimal.class), decimal))
        .isEqualTo(decimal)
        .hasScaleOf(6);
    BigDecimal negativeScale = new BigDecimal(BigInteger.valueOf(5), -3);
    assertThat(roundTrip(TypeSerializers.forClass(BigDecimal.class), negativeScale))
        .isEqualTo(negativeScale);
    BigInteger big = BigInteger.TWO.pow(200).negate();
    assertThat(roundTrip(TypeSerializers.forClass(BigInteger.class), big)).isEqualTo(big);
    UUID uuid = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
    assertThat(roundTrip(TypeSerializers.forClass(UUID.class), uuid)).isEqualTo(uuid);
  }

  @Test
  void recordsRoundTripWithEveryComponentIncludingNulls() throws IOException {
    TypeSerializer<Sale> serializer = TypeSerializers.forClass(Sale.class);
    Sale sale =
        new Sale("tea \u8336", 3, new BigDecimal("4.50"), Instant.ofEpochSecond(5), Color.RED);
    Sale withNulls = new Sale(null, 0, null, null, null);

    assertThat(roundTrip(serializer, sale)).isEqualTo(sale);
    assertThat(roundTrip(serializer, withNulls)).isEqualTo(withNulls);
  }

  /** A primitive long component is its 8 bytes, no null flag: what the Long serializer writes. */
  @Test
  void longComponentsAreWrittenAsTheLongSerializerWritesThem() throws IOException {
    record Span(long from, long to) {}
    DataOutputSerializer expected = new DataOutputSerializer();
    TypeSerializers.forClass(Long.class).serialize(-7L, expected);
    TypeSerializers.forClass(Long.class).serialize(Long.MAX_VALUE, expected);

    DataOutputSerializer actual = new DataOutputSerializer();
    TypeSerializers.forClass(Span.class).serialize(new Span(-7L, Long.MAX_VALUE), actual);

    assertThat(actual.copyOfBuffer()).containsExactly(expected.copyOfBuffer());
  }

  @Test
  void recordsMixingLongAndOtherComponentsRoundTripAndCopy() throws IOException {
    record Reading(long sensor, String unit, long at, int value, List<Long> history) {}
    TypeSerializer<Reading> serializer = TypeSerializers.forClass(Reading.class);
    Reading reading = new Reading(-7L, "kPa", Long.MAX_VALUE, 12, new ArrayList<>(List.of(1L)));
    Reading withNulls = new Reading(Long.MIN_VALUE, null, 0, -1, null);

    assertThat(roundTrip(serializer, reading)).isEqualTo(reading);
    assertThat(roundTrip(serializer, withNulls)).isEqualTo(withNulls);
    Reading copy = serializer.copy(reading);
    assertThat(copy).isEqualTo(reading);
    assertThat(copy.history()).isNotSameAs(reading.history());
  }

  @Test
  void genericRecordFieldsAreResolvedFromTheTypeArguments() throws IOException {
    TypeSerializer<Wrapper<String>> serializer =
        TypeSerializers.forHint(new TypeHint<Wrapper<String>>() {});
    Map<String, String> byName = new LinkedHashMap<>();
    byName.put("a", "x");
    byName.put("b", null);
    Wrapper<String> value = new Wrapper<>("now", Arrays.asList("then", null, "before"), byName);

    assertThat(roundTrip(serializer, value)).isEqualTo(value);
  }

  @Test
  void recordWithPojoComponentsRoundTripsAndCopiesDeeply() throws IOException {
    TypeSerializer<Shipment> serializer = TypeSerializers.forClass(Shipment.class);
    Address home = new Address("Main St", 1, "Springfield", 12.5);
    Shipment shipment =
        new Shipment(
            "s-1",
            home,
            new ArrayList<>(List.of(new Address("Elm", 2, null, null))),
            Optional.of(new Address("Back", 3, "Shelbyville", -1.0)));

    assertThat(roundTrip(serializer, shipment)).isEqualTo(shipment);
    Shipment copy = serializer.copy(shipment);
    copy.to().street = "Changed";
    copy.stops().get(0).number = 99;
    copy.returnTo().orElseThrow().setCity("Elsewhere");
    assertThat(shipment.to().street).isEqualTo("Main St");
    assertThat(shipment.stops().get(0).number).isEqualTo(2);
    assertThat(shipment.returnTo().orElseThrow().getCity()).isEqualTo("Shelbyville");
  }

  @Test
  void recordsOfImmutableComponentsAreNotCopied() {
    Point point = new Point(1, 2);

    assertThat(TypeSerializers.forClass(Point.class).copy(point)).isSameAs(point);
    assertThat(TypeSerializers.forClass(String.class).copy("s")).isSameAs("s");
  }

  @Test
  void tuplesRoundTripWithNullFieldsAndNestedGenerics() throws IOException {
    TypeSerializer<Tuple2<String, Long>> pairs =
        TypeSerializers.forType(Types.tuple(Types.STRING, Types.LONG));
    TypeSerializer<Tuple3<String, Integer, Double>> triples =
        TypeSerializers.forHint(new TypeHint<Tuple3<String, Integer, Double>>() {});
    TypeSerializer<Tuple5<String, Integer, List<Long>, Color, Point>> fives =
        TypeSerializers.forHint(
            new TypeHint<Tuple5<String, Integer, List<Long>, Color, Point>>() {});

    assertThat(roundTrip(pairs, Tuple2.of("word", 12L))).isEqualTo(Tuple2.of("word", 12L));
    assertThat(roundTrip(triples, Tuple3.of(null, 1, null))).isEqualTo(Tuple3.of(null, 1, null));
    Tuple5<String, Integer, List<Long>, Color, Point> five =
        Tuple5.of("k", 2, List.of(1L, 2L), Color.BLUE, new Point(3, 4));
    assertThat(roundTrip(fives, five)).isEqualTo(five);
  }

  @Test
  void tupleCopiesAreIndependentOfTheOriginal() {
    TypeSerializer<Tuple2<String, List<Integer>>> serializer =
        TypeSerializers.forHint(new TypeHint<Tuple2<String, List<Integer>>>() {});
    Tuple2<String, List<Integer>> original = Tuple2.of("a", new ArrayList<>(List.of(1)));

    Tuple2<String, List<Integer>> copy = serializer.copy(original);
    copy.f0 = "b";
    copy.f1.add(2);

    assertThat(original).isEqualTo(Tuple2.of("a", List.of(1)));
  }

  @Test
  void pojosRoundTripWithInheritedAccessorAndNestedCollectionFields() throws IOException {
    TypeSerializer<Customer> serializer = TypeSerializers.forClass(Customer.class);
    Customer customer = new Customer();
    customer.id = "c-7";
    customer.setActive(true);
    customer.address = new Address("Rue \u00e9t\u00e9", 10, "Paris", null);
    Map<String, Long> counters = new LinkedHashMap<>();
    counters.put("clicks", 3L);
    counters.put("views", null);
    customer.counters = new ArrayList<>(Arrays.asList(counters, null, Map.of()));

    Customer back = roundTrip(serializer, customer);

    assertThat(back).isEqualTo(customer);
    assertThat(back.isActive()).isTrue();
  }

  @Test
  void pojoFieldsThatAreNullStayNullAndTransientFieldsAreNotWritten() throws IOException {
    Address address = new Address(null, 5, null, null);
    address.cachedLabel = "cached";

    Address back = roundTrip(TypeSerializers.forClass(Address.class), address);

    assertThat(back).isEqualTo(address);
    assertThat(back.cachedLabel).isNull();
  }

  @Test
  void pojoCopiesAreDeep() {
    TypeSerializer<Customer> serializer = TypeSerializers.forClass(Customer.class);
    Customer customer = new Customer();
    customer.address = new Address("A", 1, "B", 2.0);
    customer.counters = new ArrayList<>(List.of(new HashMap<>(Map.of("k", 1L))));

    Customer copy = serializer.copy(customer);
    copy.address.street = "Z";
    copy.counters.get(0).put("k", 2L);

    assertThat(customer.address.street).isEqualTo("A");
    assertThat(customer.counters.get(0)).containsEntry("k", 1L);
  }

  @Test
  void genericPojoFieldsAreBoundThroughTheSubclassOrTheTypeArguments() throws IOException {
    StringBox box = new StringBox();
    box.content = "in";
    box.more = List.of("a", "b");
    Box<Integer> ints = new Box<>();
    ints.content = 4;
    ints.more = null;

    StringBox backBox = roundTrip(TypeSerializers.forClass(StringBox.class), box);
    Box<Integer> backInts =
        roundTrip(TypeSerializers.forHint(new TypeHint<Box<Integer>>() {}), ints);

    assertThat(backBox.content).isEqualTo("in");
    assertThat(backBox.more).containsExactly("a", "b");
    assertThat(backInts.content).isEqualTo(4);
    assertThat(backInts.more).isNull();
  }

  @Test
  void listsKeepOrderAndNullElementsAndComeBackMutable() throws IOException {
    TypeSerializer<List<String>> serializer = TypeSerializers.forType(Types.list(Types.STRING));

    List<String> back = roundTrip(serializer, Arrays.asList("b", null, "a"));

    assertThat(back).containsExactly("b", null, "a").isInstanceOf(ArrayList.class);
    assertThat(roundTrip(serializer, List.of())).isEmpty();
  }

  @Test
  void largeCollectionsRoundTrip() throws IOException {
    List<Integer> large = IntStream.range(0, 100_000).boxed().collect(Collectors.toList());
    Map<String, Integer> largeMap = new HashMap<>();
    for (int i = 0; i < 20_000; i++) {
      largeMap.put("key-" + i, i);
    }

    assertThat(roundTrip(TypeSerializers.forType(Types.list(Types.INT)), large)).isEqualTo(large);
    assertThat(roundTrip(TypeSerializers.forType(Types.map(Types.STRING, Types.INT)), largeMap))
        .isEqualTo(largeMap);
  }

  @Test
  void setsAndMapsComeBackAsTheDeclaredKindKeepingIterationOrder() throws IOException {
    Set<Integer> set = new LinkedHashSet<>(List.of(3, 1, 2));
    Map<String, Integer> map = new LinkedHashMap<>();
    map.put("z", 1);
    map.put(null, 2);
    map.put("a", null);

    Set<Integer> backSet = roundTrip(TypeSerializers.forType(Types.set(Types.INT)), set);
    Map<String, Integer> backMap =
        roundTrip(TypeSerializers.forType(Types.map(Types.STRING, Types.INT)), map);
    TreeMap<String, Long> backTree =
        roundTrip(
            TypeSerializers.forHint(new TypeHint<TreeMap<String, Long>>() {}),
            new TreeMap<>(Map.of("b", 2L, "a", 1L)));
    SortedSet<String> backSorted =
        roundTrip(
            TypeSerializers.forHint(new TypeHint<SortedSet<String>>() {}),
            new TreeSet<>(Set.of("y", "x")));
    HashSet<String> backHashSet =
        roundTrip(
            TypeSerializers.forHint(new TypeHint<HashSet<String>>() {}),
            new HashSet<>(Set.of("q")));
    LinkedList<String> backLinked =
        roundTrip(
            TypeSerializers.forHint(new TypeHint<LinkedList<String>>() {}),
            new LinkedList<>(List.of("l")));
    Collection<String> backCollection =
        roundTrip(TypeSerializers.forHint(new TypeHint<Collection<String>>() {}), Set.of("c"));

    assertThat(backSet).containsExactly(3, 1, 2);
    assertThat(backMap).containsExactlyEntriesOf(map);
    assertThat(backTree)
        .isInstanceOf(TreeMap.class)
        .containsExactly(Map.entry("a", 1L), Map.entry("b", 2L));
    assertThat(backSorted).isInstanceOf(TreeSet.class).containsExactly("x", "y");
    assertThat(backHashSet).isInstanceOf(HashSet.class).containsExactly("q");
    assertThat(backLinked).isInstanceOf(LinkedList.class).containsExactly("l");
    assertThat(backCollection).containsExactly("c");
  }

  @Test
  void nestedGenericCollectionsRoundTripAndCopyDeeply() throws IOException {
    TypeSerializer<Map<String, List<Set<Long>>>> serializer =
        TypeSerializers.forHint(new TypeHint<Map<String, List<Set<Long>>>>() {});
    Map<String, List<Set<Long>>> value = new HashMap<>();
    value.put("a", new ArrayList<>(List.of(new HashSet<>(Set.of(1L, 2L)), new HashSet<>())));
    value.put("b", null);

    assertThat(roundTrip(serializer, value)).isEqualTo(value);
    Map<String, List<Set<Long>>> copy = serializer.copy(value);
    copy.get("a").get(0).add(3L);
    assertThat(value.get("a").get(0)).containsExactlyInAnyOrder(1L, 2L);
  }

  @Test
  void optionalsRoundTripEmptyAndPresent() throws IOException {
    TypeSerializer<Optional<String>> serializer =
        TypeSerializers.forType(Types.optional(Types.STRING));

    assertThat(roundTrip(serializer, Optional.of("x"))).contains("x");
    assertThat(roundTrip(serializer, Optional.empty())).isEmpty();
  }

  @Test
  void objectArraysRoundTripWithNullElements() throws IOException {
    String[] strings = {"a", null, "\u00e7"};
    Address[] addresses = {new Address("s", 1, "c", 0.0), null};
    Integer[][] grid = {{1, null}, null, {}};
    List<String>[] lists = newListArray();

    assertThat(roundTrip(TypeSerializers.forClass(String[].class), strings))
        .isInstanceOf(String[].class)
        .containsExactly(strings);
    assertThat(roundTrip(TypeSerializers.forClass(Address[].class), addresses))
        .containsExactly(addresses);
    assertThat(roundTrip(TypeSerializers.forClass(Integer[][].class), grid)).isDeepEqualTo(grid);
    assertThat(roundTrip(TypeSerializers.forHint(new TypeHint<List<String>[]>() {}), lists))
        .containsExactly(lists);
  }

  @SuppressWarnings("unchecked")
  private static List<String>[] newListArray() {
    return new List[] {List.of("x"), null};
  }

  @Test
  void recursiveRecordsAndPojosRoundTrip() throws IOException {
    Tree tree =
        new Tree(
            "root", List.of(new Tree("a", List.of()), new Tree("b", List.of(new Tree("c", null)))));
    Node head = new Node();
    head.name = "1";
    head.next = new Node();
    head.next.name = "2";

    assertThat(roundTrip(TypeSerializers.forClass(Tree.class), tree)).isEqualTo(tree);
    Node back = roundTrip(TypeSerializers.forClass(Node.class), head);
    assertThat(back.name).isEqualTo("1");
    assertThat(back.next.name).isEqualTo("2");
    assertThat(back.next.next).isNull();
  }

  @Test
  void typeIsTheJavaTypeTheSerializerWasDerivedFor() {
    java.lang.reflect.Type listOfString = new TypeHint<List<String>>() {}.getType();

    assertThat(TypeSerializers.forType(listOfString).type()).isEqualTo(listOfString);
    assertThat(TypeSerializers.forClass(int.class).type()).isEqualTo(int.class);
    assertThat(TypeSerializers.forClass(Sale.class).type()).isEqualTo(Sale.class);
  }

  @Test
  void duplicateIsUsableFromAnotherThread() throws Exception {
    TypeSerializer<Customer> serializer = TypeSerializers.forClass(Customer.class);
    TypeSerializer<Customer> duplicate = serializer.duplicate();
    Customer customer = new Customer();
    customer.id = "t";
    byte[][] fromOtherThread = new byte[1][];
    Thread other =
        new Thread(
            () -> {
              DataOutputSerializer out = new DataOutputSerializer();
              try {
                duplicate.serialize(customer, out);
              } catch (IOException e) {
                throw new IllegalStateException(e);
              }
              fromOtherThread[0] = out.copyOfBuffer();
            });
    other.start();
    other.join(10_000);
    assertThat(other.isAlive()).isFalse();

    DataOutputSerializer out = new DataOutputSerializer();
    serializer.serialize(customer, out);
    assertThat(fromOtherThread[0]).isEqualTo(out.copyOfBuffer());
  }

  @Test
  void aValueSplitAtAnyByteReadsAsEofAndWholeItReadsBackFromAnOffsetInALargerArray()
      throws IOException {
    TypeSerializer<Shipment> serializer = TypeSerializers.forClass(Shipment.class);
    Shipment shipment =
        new Shipment(
            "\u4e2d-1",
            new Address("Main", 1, "City", 1.0),
            List.of(new Address("Stop", 2, null, null)),
            Optional.empty());
    DataOutputSerializer out = new DataOutputSerializer();
    serializer.serialize(shipment, out);
    byte[] record = out.copyOfBuffer();
    byte[] framed = new byte[record.length + 20];
    Arrays.fill(framed, (byte) 0x7F);
    System.arraycopy(record, 0, framed, 7, record.length);
    DataInputDeserializer in = new DataInputDeserializer();

    for (int cut = 0; cut < record.length; cut++) {
      in.setBuffer(framed, 7, cut);
      int prefix = cut;
      assertThatThrownBy(() -> serializer.deserialize(in))
          .as("value cut after %d of %d bytes", prefix, record.length)
          .isInstanceOf(EOFException.class);
    }
    in.setBuffer(framed, 7, record.length);
    assertThat(serializer.deserialize(in)).isEqualTo(shipment);
    assertThat(in.available()).isZero();
  }

  @Test
  void valuesWrittenBackToBackReadBackOneAfterAnother() throws IOException {
    TypeSerializer<Tuple2<String, Long>> serializer =
        TypeSerializers.forType(Types.tuple(Types.STRING, Types.LONG));
    DataOutputSerializer out = new DataOutputSerializer(1);
    for (long i = 0; i < 1000; i++) {
      serializer.serialize(Tuple2.of("k" + i, i), out);
    }
    DataInputDeserializer in = new DataInputDeserializer(out.getSharedBuffer(), 0, out.position());

    for (long i = 0; i < 1000; i++) {
      assertThat(serializer.deserialize(in)).isEqualTo(Tuple2.of("k" + i, i));
    }
    assertThat(in.available()).isZero();
  }

  @Test
  void aCorruptCollectionSizeIsReportedInsteadOfAllocated() {
    DataOutputSerializer out = new DataOutputSerializer();
    out.writeVarInt(1_000_000_000);
    TypeSerializer<List<String>> serializer = TypeSerializers.forType(Types.list(Types.STRING));

    assertThatThrownBy(() -> serializer.deserialize(new DataInputDeserializer(out.copyOfBuffer())))
        .isInstanceOf(EOFException.class)
        .hasMessageContaining("1000000000");
  }

  private static <T> T roundTrip(TypeSerializer<T> serializer, T value) throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(8);
    serializer.serialize(value, out);
    DataInputDeserializer in = new DataInputDeserializer(out.copyOfBuffer());
    T back = serializer.deserialize(in);
    assertThat(in.available()).as("bytes left after reading %s", value).isZero();
    return back;
  }
}
