package io.sluice.checkpoint.fs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32C;

/** The length and CRC-32C of some bytes, as recorded for every checkpoint file. */
record FileDigest(long length, long checksum) {

  /** Reads a whole file to digest it. */
  static FileDigest of(Path file) throws IOException {
    CRC32C crc = new CRC32C();
    long length = 0;
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        crc.update(buffer, 0, n);
        length += n;
      }
    }
    return new FileDigest(length, crc.getValue());
  }

  static FileDigest of(byte[] bytes, int offset, int length) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, offset, length);
    return new FileDigest(length, crc.getValue());
  }

  static String hex(long checksum) {
    return String.format("0x%08x", checksum);
  }

  @Override
  public String toString() {
    return length + " bytes with crc32c " + hex(checksum);
  }
}
