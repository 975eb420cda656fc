package io.sluice.state.rocksdb;

/**
 * The 2-byte big-endian key-group prefix of every RocksDB key ({@link KeyContext}): written, read
 * and used to seek to a key group's first entry. Stateless.
 */
final class KeyGroupPrefix {
  static final int BYTES = KeyContext.KEY_GROUP_BYTES;

  private KeyGroupPrefix() {}

  static byte[] of(int keyGroup) {
    return new byte[] {(byte) (keyGroup >>> 8), (byte) keyGroup};
  }

  /** The key group a RocksDB key starts with. */
  static int read(byte[] key) {
    return ((key[0] & 0xff) << 8) | (key[1] & 0xff);
  }

  /** {@code prefix of keyGroup + bytes[offset, offset + length)}. */
  static byte[] prepend(int keyGroup, byte[] bytes, int offset, int length) {
    byte[] key = new byte[BYTES + length];
    key[0] = (byte) (keyGroup >>> 8);
    key[1] = (byte) keyGroup;
    System.arraycopy(bytes, offset, key, BYTES, length);
    return key;
  }
}
