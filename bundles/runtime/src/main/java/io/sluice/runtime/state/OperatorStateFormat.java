package io.sluice.runtime.state;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bytes of one operator subtask's operator state in a checkpoint: magic, version, then each
 * list as name, mode and length-prefixed items.
 */
public final class OperatorStateFormat {
  private static final int MAGIC = 0x534c4f53; // "SLOS"
  private static final int VERSION = 1;

  private OperatorStateFormat() {}

  public static void write(Map<String, RestoredList> lists, DataOutputStream out)
      throws IOException {
    out.writeInt(MAGIC);
    out.writeInt(VERSION);
    out.writeInt(lists.size());
    for (Map.Entry<String, RestoredList> entry : lists.entrySet()) {
      out.writeUTF(entry.getKey());
      out.writeByte(entry.getValue().mode().ordinal());
      out.writeInt(entry.getValue().items().size());
      for (byte[] item : entry.getValue().items()) {
        out.writeInt(item.length);
        out.write(item);
      }
    }
  }

  public static Map<String, RestoredList> read(DataInputStream in, String what) throws IOException {
    if (in.readInt() != MAGIC) {
      throw new IOException(what + " is not operator state (bad magic)");
    }
    int version = in.readInt();
    if (version != VERSION) {
      throw new IOException(what + " has unknown operator state version " + version);
    }
    int count = in.readInt();
    Map<String, RestoredList> lists = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      String name = in.readUTF();
      int mode = in.readUnsignedByte();
      if (mode >= DistributionMode.values().length) {
        throw new IOException(what + ": unknown distribution mode " + mode + " of '" + name + "'");
      }
      int size = in.readInt();
      if (size < 0) {
        throw new IOException(what + ": negative item count of '" + name + "'");
      }
      List<byte[]> items = new ArrayList<>(Math.min(size, 1 << 16));
      for (int j = 0; j < size; j++) {
        int length = in.readInt();
        if (length < 0) {
          throw new IOException(what + ": negative item length in '" + name + "'");
        }
        byte[] item = new byte[length];
        in.readFully(item);
        items.add(item);
      }
      lists.put(name, new RestoredList(DistributionMode.values()[mode], items));
    }
    return lists;
  }
}
