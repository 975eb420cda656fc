package io.sluice.api.typeutils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.tuple.Tuple2;
import io.sluice.api.typeutils.SampleTypes.Point;
import io.sluice.api.typeutils.SampleTypes.StringBox;
import java.io.Serializable;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class TypeExtractorTest {

  /** Stands in for the DataStream API's map function. */
  interface TestMap<I, O> extends Serializable {
    O map(I in);
  }

  /** Stands in for the flatMap function: its output type only appears inside Consumer. */
  interface TestFlatMap<I, O> extends Serializable {
    void flatMap(I in, Consumer<O> out);
  }

  /** Two inputs, one output. */
  interface TestCombine<A, B, O> extends Serializable {
    O combine(A first, B second);
  }

  /** Inherits its single abstract method, with the type parameters renamed. */
  interface TestKeySelector<T, K> extends TestMap<T, K> {}

  /** Fixes the types in the interface, so even a lambda's are known. */
  interface StringLength extends TestMap<String, Integer> {}

  /** Not serializable: lambdas of it cannot be inspected. */
  interface PlainMap<I, O> {
    O map(I in);
  }

  /** A named generic class: the type argument of an instance is erased. */
  static class Identity<T> implements TestMap<T, T> {
    @Override
    public T map(T in) {
      return in;
    }
  }

  /** A generic base class that fixes the output in terms of its own parameter. */
  abstract static class ListingMap<X> implements TestMap<X, List<X>> {}

  /** A named class with a generic output type. */
  static class ToPair implements TestMap<String, Tuple2<String, Long>> {
    @Override
    public Tuple2<String, Long> map(String in) {
      return Tuple2.of(in, 1L);
    }
  }

  private final String suffix = "!";

  @Test
  void anAnonymousClassNamesBothTypes() {
    TestMap<String, Integer> length =
        new TestMap<>() {
          @Override
          public Integer map(String in) {
            return in.length();
          }
        };

    assertThat(TypeExtractor.typeArgument(length, TestMap.class, 0)).isEqualTo(String.class);
    assertThat(TypeExtractor.typeArgument(length, TestMap.class, 1)).isEqualTo(Integer.class);
  }

  @Test
  void aNamedClassKeepsTheTypeArgumentsOfItsOutput() {
    assertThat(TypeExtractor.typeArgument(new ToPair(), TestMap.class, 1))
        .isEqualTo(Types.tuple(Types.STRING, Types.LONG));
  }

  @Test
  void aGenericSubclassBindsTheVariablesOfItsSuperclass() {
    ListingMap<Point> listing =
        new ListingMap<>() {
          @Override
          public List<Point> map(Point in) {
            return List.of(in);
          }
        };

    assertThat(TypeExtractor.typeArgument(listing, TestMap.class, 0)).isEqualTo(Point.class);
    assertThat(TypeExtractor.typeArgument(listing, TestMap.class, 1))
        .isEqualTo(Types.list(Point.class));
  }

  @Test
  void anInstanceOfAGenericClassHasNoTypeArgumentsAtRunTime() {
    assertThatThrownBy(() -> TypeExtractor.typeArgument(new Identity<String>(), TestMap.class, 1))
        .isInstanceOf(InvalidTypesException.class)
        .hasMessageContaining(Identity.class.getName())
        .hasMessageContaining("not bound to a concrete type");
  }

  @Test
  void anAnonymousClassInAGenericMethodDependsOnTheMethodsVariable() {
    TestMap<String, String> same = identityOf();

    assertThatThrownBy(() -> TypeExtractor.typeArgument(same, TestMap.class, 1))
        .isInstanceOf(InvalidTypesException.class)
        .hasMessageContaining("it is T");
  }

  private static <T> TestMap<T, T> identityOf() {
    return new TestMap<>() {
      @Override
      public T map(T in) {
        return in;
      }
    };
  }

  @Test
  void aLambdaNamesItsParameterAndReturnTypes() {
    TestMap<String, Integer> length = s -> s.length();

    assertThat(TypeExtractor.typeArgument(length, TestMap.class, 0)).isEqualTo(String.class);
    assertThat(TypeExtractor.typeArgument(length, TestMap.class, 1)).isEqualTo(Integer.class);
  }

  @Test
  void aLambdaCapturingLocalsAndThisStillMapsItsParameters() {
    int offset = 3;
    TestMap<Point, Long> capturingLocal = p -> (long) p.x() + offset;
    TestMap<Point, String> capturingThis = p -> p + suffix;

    assertThat(TypeExtractor.typeArgument(capturingLocal, TestMap.class, 0)).isEqualTo(Point.class);
    assertThat(TypeExtractor.typeArgument(capturingLocal, TestMap.class, 1)).isEqualTo(Long.class);
    assertThat(TypeExtractor.typeArgument(capturingThis, TestMap.class, 0)).isEqualTo(Point.class);
    assertThat(TypeExtractor.typeArgument(capturingThis, TestMap.class, 1)).isEqualTo(String.class);
  }

  @Test
  void aLambdaWithTwoParametersNamesEach() {
    TestCombine<String, Integer, Long> combine = (a, b) -> (long) a.length() + b;

    assertThat(TypeExtractor.typeArgument(combine, TestCombine.class, 0)).isEqualTo(String.class);
    assertThat(TypeExtractor.typeArgument(combine, TestCombine.class, 1)).isEqualTo(Integer.class);
    assertThat(TypeExtractor.typeArgument(combine, TestCombine.class, 2)).isEqualTo(Long.class);
  }

  @Test
  void aStaticMethodReferenceBoxesAPrimitiveReturn() {
    TestMap<String, Integer> parse = Integer::parseInt;

    assertThat(TypeExtractor.typeArgument(parse, TestMap.class, 0)).isEqualTo(String.class);
    assertThat(TypeExtractor.typeArgument(parse, TestMap.class, 1)).isEqualTo(Integer.class);
  }

  @Test
  void aBoundMethodReferenceSkipsItsCapturedReceiver() {
    TestMap<String, String> prefix = "pre-"::concat;

    assertThat(TypeExtractor.typeArgument(prefix, TestMap.class, 0)).isEqualTo(String.class);
    assertThat(TypeExtractor.typeArgument(prefix, TestMap.class, 1)).isEqualTo(String.class);
  }

  @Test
  void anUnboundMethodReferenceTakesItsReceiverAsTheFirstParameter() {
    TestMap<String, Integer> length = String::length;
    TestMap<StringBox, Integer> inheritedHash = StringBox::hashCode;

    assertThat(TypeExtractor.typeArgument(length, TestMap.class, 0)).isEqualTo(String.class);
    assertThat(TypeExtractor.typeArgument(length, TestMap.class, 1)).isEqualTo(Integer.class);
    assertThat(TypeExtractor.typeArgument(inheritedHash, TestMap.class, 0))
        .isEqualTo(StringBox.class);
  }

  @Test
  void aConstructorReferenceProducesItsClass() {
    TestMap<String, StringBuilder> builder = StringBuilder::new;

    assertThat(TypeExtractor.typeArgument(builder, TestMap.class, 1))
        .isEqualTo(StringBuilder.class);
  }

  @Test
  void aMethodReferenceToADeclaredMethodKeepsItsGenericReturnType() {
    TestMap<String, Tuple2<String, Long>> pair = TypeExtractorTest::pairOf;

    assertThat(TypeExtractor.typeArgument(pair, TestMap.class, 1))
        .isEqualTo(Types.tuple(Types.STRING, Types.LONG));
  }

  private static Tuple2<String, Long> pairOf(String word) {
    return Tuple2.of(word, 1L);
  }

  @Test
  void aGenericMethodReferenceUsesTheTypesItWasInstantiatedWith() {
    TestMap<Point, Point> same = TypeExtractorTest::same;

    assertThat(TypeExtractor.typeArgument(same, TestMap.class, 1)).isEqualTo(Point.class);
  }

  private static <T> T same(T value) {
    return value;
  }

  @Test
  void aLambdaReturningAGenericClassNeedsReturns() {
    TestMap<String, Tuple2<String, Long>> pair = s -> Tuple2.of(s, 1L);

    assertThatThrownBy(() -> TypeExtractor.typeArgument(pair, TestMap.class, 1))
        .isInstanceOf(InvalidTypesException.class)
        .hasMessageContaining("Java erases lambda generics")
        .hasMessageContaining(Tuple2.class.getName())
        .hasMessageContaining(".returns(new TypeHint<Tuple2<String, Long>>() {})");
  }

  @Test
  void aLambdaWhoseOutputTypeOnlyAppearsNestedNeedsReturns() {
    TestFlatMap<String, String> split = (line, out) -> out.accept(line);

    assertThat(TypeExtractor.typeArgument(split, TestFlatMap.class, 0)).isEqualTo(String.class);
    assertThatThrownBy(() -> TypeExtractor.typeArgument(split, TestFlatMap.class, 1))
        .isInstanceOf(InvalidTypesException.class)
        .hasMessageContaining("Cannot determine type O of the lambda in TestFlatMap.flatMap(...)")
        .hasMessageContaining("(Java erases lambda generics)")
        .hasMessageContaining("Add .returns(Types.STRING)")
        .hasMessageContaining("or use an anonymous class");
  }

  @Test
  void aLambdaOfAnInterfaceThatFixesTheTypesNeedsNoInspection() {
    StringLength length = s -> s.length();

    assertThat(TypeExtractor.typeArgument(length, TestMap.class, 1)).isEqualTo(Integer.class);
  }

  @Test
  void anInheritedAbstractMethodIsFoundThroughTheSubInterface() {
    TestKeySelector<Point, Integer> key = p -> p.x();

    assertThat(TypeExtractor.typeArgument(key, TestKeySelector.class, 0)).isEqualTo(Point.class);
    assertThat(TypeExtractor.typeArgument(key, TestKeySelector.class, 1)).isEqualTo(Integer.class);
  }

  @Test
  void aNonSerializableLambdaCannotBeInspected() {
    PlainMap<String, Integer> length = s -> s.length();

    assertThatThrownBy(() -> TypeExtractor.typeArgument(length, PlainMap.class, 1))
        .isInstanceOf(InvalidTypesException.class)
        .hasMessageContaining("not serializable")
        .hasMessageContaining("java.io.Serializable");
  }

  @Test
  void misuseIsAnIllegalArgument() {
    TestMap<String, Integer> length = String::length;

    assertThatThrownBy(() -> TypeExtractor.typeArgument(length, TestFlatMap.class, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not implement");
    assertThatThrownBy(() -> TypeExtractor.typeArgument(length, TestMap.class, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no index 2");
  }
}
