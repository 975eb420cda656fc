package io.sluice.checkpoint.fs;

import io.sluice.spi.checkpoint.StateHandle;
import io.sluice.spi.checkpoint.StateOutputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * Writes one piece file, digesting it on the way: {@link #closeAndGetHandle()} forces the bytes to
 * disk and returns a handle with their length and CRC-32C; {@link #close()} without it deletes the
 * file. Confined to one thread at a time.
 */
final class FsStateOutputStream extends StateOutputStream {
  private static final int BUFFER_BYTES = 64 * 1024;

  private final Path file;
  private final String storage;
  private final String location;
  private final FileChannel channel;
  private final OutputStream out;
  private final CRC32C crc = new CRC32C();
  private long length;
  private boolean closed;

  /** Creates the file, failing if it exists. */
  FsStateOutputStream(Path file, String storage, String location) throws IOException {
    this.file = file;
    this.storage = storage;
    this.location = location;
    this.channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    this.out = new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER_BYTES);
  }

  @Override
  public void write(int b) throws IOException {
    ensureOpen();
    out.write(b);
    crc.update(b);
    length++;
  }

  @Override
  public void write(byte[] bytes, int offset, int len) throws IOException {
    ensureOpen();
    out.write(bytes, offset, len);
    crc.update(bytes, offset, len);
    length += len;
  }

  @Override
  public void flush() throws IOException {
    ensureOpen();
    out.flush();
  }

  @Override
  public StateHandle closeAndGetHandle() throws IOException {
    ensureOpen();
    try {
      out.flush();
      channel.force(true);
    } catch (IOException e) {
      close();
      throw e;
    }
    closed = true;
    channel.close();
    return new StateHandle(storage, location, length, crc.getValue());
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      channel.close();
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private void ensureOpen() throws IOException {
    if (closed) {
      throw new IOException("the state stream for " + location + " is closed");
    }
  }
}
