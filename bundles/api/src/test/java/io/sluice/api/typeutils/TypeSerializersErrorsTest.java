package io.sluice.api.typeutils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.tuple.Tuple2;
import io.sluice.api.typeutils.SampleTypes.Address;
import io.sluice.api.typeutils.SampleTypes.Box;
import io.sluice.api.typeutils.SampleTypes.DetailedAddress;
import io.sluice.api.typeutils.SampleTypes.Expanding;
import io.sluice.api.typeutils.SampleTypes.Frozen;
import io.sluice.api.typeutils.SampleTypes.HasRunnable;
import io.sluice.api.typeutils.SampleTypes.Hidden;
import io.sluice.api.typeutils.SampleTypes.NeedsArguments;
import io.sluice.api.typeutils.SampleTypes.Order;
import io.sluice.api.typeutils.SampleTypes.RawHolder;
import io.sluice.api.typeutils.SampleTypes.Secretive;
import java.util.ArrayDeque;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Types that cannot be serialized fail when the job is built, naming the type and field. */
class TypeSerializersErrorsTest {

  @Test
  void anObjectFieldDeepInsideIsNamedByItsFullPath() {
    assertThatThrownBy(() -> TypeSerializers.forClass(Order.class))
        .isInstanceOf(InvalidTypesException.class)
        .hasMessage(
            "Cannot serialize "
                + Order.class.getName()
                + ": field 'customer.address.address' has type java.lang.Object, which has no"
                + " serializer. Use a concrete type, a record or a POJO.");
  }

  @Test
  void objectAtTheTopLevelHasNoSerializer() {
    assertThatThrownBy(() -> TypeSerializers.forClass(Object.class))
        .isInstanceOf(InvalidTypesException.class)
        .hasMessage(
            "Cannot serialize java.lang.Object: it has no serializer."
                + " Use a concrete type, a record or a POJO.");
  }

  @Test
  void anInterfaceFieldOtherThanTheCollectionsIsRejected() {
    assertThatThrownBy(() -> TypeSerializers.forClass(HasRunnable.class))
        .hasMessageContaining("field 'task' has type java.lang.Runnable, which is an interface");
  }

  @Test
  void aPrivateFieldWithoutAccessorsIsNamedWithTheAccessorsToAdd() {
    assertThatThrownBy(() -> TypeSerializers.forClass(Secretive.class))
        .isInstanceOf(InvalidTypesException.class)
        .hasMessageContaining(Secretive.class.getName())
        .hasMessageContaining("field 'secret' is not public")
        .hasMessageContaining("getSecret()")
        .hasMessageContaining("setSecret(...)");
  }

  @Test
  void aPublicFinalFieldCannotBeSetSoThePojoIsRejected() {
    assertThatThrownBy(() -> TypeSerializers.forClass(Frozen.class))
        .hasMessageContaining("field 'value' is final");
  }

  @Test
  void aClassWithoutNoArgumentConstructorThatIsNotARecordIsRejected() {
    assertThatThrownBy(() -> TypeSerializers.forClass(NeedsArguments.class))
        .isInstanceOf(InvalidTypesException.class)
        .hasMessageContaining(NeedsArguments.class.getName())
        .hasMessageContaining("no public no-argument constructor")
        .hasMessageContaining("record");
  }

  @Test
  void aNonPublicClassIsNotAPojo() {
    assertThatThrownBy(() -> TypeSerializers.forClass(Hidden.class))
        .hasMessageContaining("is not public");
  }

  @Test
  void rawGenericTypesAreRejectedWithAHintToSpellTheArguments() {
    assertThatThrownBy(() -> TypeSerializers.forClass(List.class))
        .hasMessageContaining("Cannot serialize java.util.List: it is a raw type");
    assertThatThrownBy(() -> TypeSerializers.forClass(RawHolder.class))
        .hasMessageContaining("field 'items' has type java.util.List, which is a raw type");
    assertThatThrownBy(() -> TypeSerializers.forClass(Tuple2.class))
        .hasMessageContaining("raw type")
        .hasMessageContaining("TypeHint");
  }

  @Test
  void anUnboundTypeVariableIsNamedWithItsDeclaringClass() {
    assertThatThrownBy(() -> TypeSerializers.forClass(Box.class))
        .isInstanceOf(InvalidTypesException.class)
        .hasMessageContaining("field 'content' has type T, which is the type variable T of")
        .hasMessageContaining(Box.class.getName());
  }

  @Test
  void elementsAndMapValuesAreNamedInThePath() {
    assertThatThrownBy(() -> TypeSerializers.forType(Types.list(Object.class)))
        .hasMessageContaining("field '[]' has type java.lang.Object");
    assertThatThrownBy(
            () -> TypeSerializers.forHint(new TypeHint<Map<String, List<Map<Long, Object>>>>() {}))
        .hasMessageContaining("field '[value][][value]' has type java.lang.Object");
  }

  @Test
  void aWildcardIsSerializedAsItsUpperBoundWhichMustBeConcrete() {
    assertThatThrownBy(() -> TypeSerializers.forHint(new TypeHint<List<? extends Number>>() {}))
        .hasMessageContaining("field '[]' has type java.lang.Number, which is abstract");
    assertThat(TypeSerializers.forHint(new TypeHint<List<? extends String>>() {})).isNotNull();
  }

  @Test
  void anUnsupportedCollectionClassListsTheSupportedOnes() {
    assertThatThrownBy(() -> TypeSerializers.forHint(new TypeHint<ArrayDeque<String>>() {}))
        .hasMessageContaining("collection class Sluice cannot create")
        .hasMessageContaining("ArrayList");
  }

  @Test
  void jdkClassesWithoutASerializerAreNotTreatedAsPojos() {
    assertThatThrownBy(() -> TypeSerializers.forClass(Date.class))
        .hasMessageContaining("is a JDK class Sluice has no serializer for");
  }

  @Test
  void aGenericTypeThatExpandsWithoutEndIsStopped() {
    assertThatThrownBy(() -> TypeSerializers.forHint(new TypeHint<Expanding<String>>() {}))
        .isInstanceOf(InvalidTypesException.class)
        .hasMessageContaining("deeper than 64 levels")
        .hasMessageContaining("field 'next.next.next");
  }

  @Test
  void aSubclassValueIsRefusedRatherThanTruncated() {
    TypeSerializer<Address> serializer = TypeSerializers.forClass(Address.class);
    DetailedAddress detailed = new DetailedAddress();

    assertThatThrownBy(() -> serializer.serialize(detailed, new DataOutputSerializer()))
        .isInstanceOf(InvalidTypesException.class)
        .hasMessageContaining(DetailedAddress.class.getName())
        .hasMessageContaining("would drop the subclass's fields");
  }
}
