package io.sluice.checkpoint.fs;

import io.sluice.spi.checkpoint.CorruptCheckpointException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32C;

/**
 * Reads a piece and checks it against its handle: once the end is reached, the bytes seen must have
 * the recorded length and CRC-32C, else {@link CorruptCheckpointException}. Confined to one thread.
 * Skipping is done by reading, so every byte is checked.
 */
final class VerifyingInputStream extends FilterInputStream {
  private final String file;
  private final FileDigest expected;
  private final CRC32C crc = new CRC32C();
  private long length;
  private boolean verified;

  VerifyingInputStream(InputStream in, String file, FileDigest expected) {
    super(in);
    this.file = file;
    this.expected = expected;
  }

  @Override
  public int read() throws IOException {
    int b = in.read();
    if (b < 0) {
      verify();
    } else {
      crc.update(b);
      length++;
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int len) throws IOException {
    int n = in.read(buffer, offset, len);
    if (n < 0) {
      verify();
    } else {
      crc.update(buffer, offset, n);
      length += n;
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    byte[] scratch = new byte[(int) Math.min(8192, Math.max(n, 1))];
    long skipped = 0;
    while (skipped < n) {
      int read = read(scratch, 0, (int) Math.min(scratch.length, n - skipped));
      if (read < 0) {
        break;
      }
      skipped += read;
    }
    return skipped;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  private void verify() throws IOException {
    if (verified) {
      return;
    }
    FileDigest actual = new FileDigest(length, crc.getValue());
    if (!actual.equals(expected)) {
      throw new CorruptCheckpointException(file, expected.toString(), actual.toString());
    }
    verified = true;
  }
}
