package io.sluice.api.typeutils.internal;

import io.sluice.api.typeutils.DataInputView;
import io.sluice.api.typeutils.DataOutputView;
import io.sluice.api.typeutils.TypeSerializer;
import java.io.IOException;
import java.lang.reflect.Type;

/**
 * Stands in for the serializer of a recursive type while it is being derived ({@code record
 * Tree(String label, List<Tree> children)}): the inner {@code Tree} refers to this, which is bound
 * to the finished outer serializer once derivation completes.
 */
final class ForwardSerializer<T> extends BaseSerializer<T> {
  private TypeSerializer<T> target;

  ForwardSerializer(Type type) {
    super(type);
  }

  /** Called once, by the derivation that created this, before the serializer is published. */
  void bind(TypeSerializer<T> target) {
    this.target = target;
  }

  @Override
  public void serialize(T value, DataOutputView out) throws IOException {
    target.serialize(value, out);
  }

  @Override
  public T deserialize(DataInputView in) throws IOException {
    return target.deserialize(in);
  }

  @Override
  public T copy(T value) {
    return target.copy(value);
  }

  @Override
  public boolean isImmutable() {
    return false;
  }
}
