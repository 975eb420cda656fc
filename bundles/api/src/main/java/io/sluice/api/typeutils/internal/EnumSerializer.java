package io.sluice.api.typeutils.internal;

import io.sluice.api.typeutils.DataInputView;
import io.sluice.api.typeutils.DataOutputView;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes an enum constant by name, so reordering or inserting constants keeps old checkpoints
 * readable (ordinals would silently map to the wrong constant).
 */
public final class EnumSerializer<E extends Enum<E>> extends BaseSerializer<E> {
  private final Class<E> enumClass;
  private final Map<String, E> byName;

  public EnumSerializer(Class<E> enumClass) {
    super(enumClass);
    this.enumClass = enumClass;
    E[] constants = enumClass.getEnumConstants();
    this.byName = new HashMap<>(constants.length * 2);
    for (E constant : constants) {
      byName.put(constant.name(), constant);
    }
  }

  @Override
  public void serialize(E value, DataOutputView out) throws IOException {
    out.writeString(value.name());
  }

  @Override
  public E deserialize(DataInputView in) throws IOException {
    String name = in.readString();
    E constant = byName.get(name);
    if (constant == null) {
      throw new IOException(
          "enum "
              + enumClass.getName()
              + " has no constant "
              + name
              + " (was it renamed or removed since the data was written?)");
    }
    return constant;
  }

  @Override
  public E copy(E value) {
    return value;
  }

  @Override
  public boolean isImmutable() {
    return true;
  }
}
