package io.sluice.checkpoint.fs;

import io.sluice.spi.checkpoint.CorruptCheckpointException;
import io.sluice.spi.checkpoint.StateHandle;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The bytes of a {@code _metadata} file. A 20-byte header guards the payload:
 *
 * <pre>
 * header:  magic "SLCK" (4) | version (4) | payload length (8) | payload crc32c (4)
 * payload: job id (UTF) | checkpoint id (8) | piece count (4)
 *          | per piece: location (UTF) | length (8) | crc32c (4)
 *          | metadata length (4) | metadata bytes
 * </pre>
 *
 * Decoding checks the header before reading anything else, so a flipped or missing byte anywhere is
 * reported as corruption rather than as garbage. Stateless.
 */
final class MetadataFormat {
  static final int MAGIC = 0x534C434B; // "SLCK"
  static final int VERSION = 1;
  static final int HEADER_BYTES = 20;

  private MetadataFormat() {}

  /** What a {@code _metadata} file holds; the pieces are handles of {@code storage}. */
  record Contents(String jobId, long checkpointId, List<StateHandle> pieces, byte[] metadata) {}

  static byte[] encode(Contents contents) throws IOException {
    ByteArrayOutputStream payloadBytes = new ByteArrayOutputStream();
    DataOutputStream payload = new DataOutputStream(payloadBytes);
    payload.writeUTF(contents.jobId());
    payload.writeLong(contents.checkpointId());
    payload.writeInt(contents.pieces().size());
    for (StateHandle piece : contents.pieces()) {
      payload.writeUTF(piece.location());
      payload.writeLong(piece.length());
      payload.writeInt((int) piece.checksum());
    }
    payload.writeInt(contents.metadata().length);
    payload.write(contents.metadata());
    payload.flush();
    byte[] body = payloadBytes.toByteArray();

    ByteBuffer file = ByteBuffer.allocate(HEADER_BYTES + body.length);
    file.putInt(MAGIC).putInt(VERSION).putLong(body.length);
    file.putInt((int) FileDigest.of(body, 0, body.length).checksum());
    file.put(body);
    return file.array();
  }

  /**
   * Verifies and decodes a metadata file.
   *
   * @param file how to name the file in errors
   * @param storage the storage name to put into the decoded piece handles
   */
  static Contents decode(byte[] bytes, String file, String storage) throws IOException {
    if (bytes.length < HEADER_BYTES) {
      throw new CorruptCheckpointException(
          file,
          "a header of " + HEADER_BYTES + " bytes",
          "a file of only " + bytes.length + " bytes");
    }
    ByteBuffer header = ByteBuffer.wrap(bytes, 0, HEADER_BYTES);
    int magic = header.getInt();
    if (magic != MAGIC) {
      throw new CorruptCheckpointException(
          file, "magic " + FileDigest.hex(MAGIC), "magic " + FileDigest.hex(magic & 0xffffffffL));
    }
    int version = header.getInt();
    if (version != VERSION) {
      throw new IOException(
          "Checkpoint file "
              + file
              + " has format version "
              + version
              + " but this sluice-checkpoint-fs reads version "
              + VERSION
              + "; restore it with the Sluice version that wrote it");
    }
    long length = header.getLong();
    long checksum = header.getInt() & 0xffffffffL;
    FileDigest expected = new FileDigest(length, checksum);
    int available = bytes.length - HEADER_BYTES;
    FileDigest actual = FileDigest.of(bytes, HEADER_BYTES, available);
    if (!actual.equals(expected)) {
      throw new CorruptCheckpointException(
          file, "a payload of " + expected, "a payload of " + actual);
    }
    try {
      return readPayload(bytes, storage);
    } catch (IOException | RuntimeException e) {
      // the checksum matched, so this is a writer bug, not a damaged disk; report it as such
      throw new IOException(
          "Checkpoint file " + file + " verifies but cannot be decoded: " + e.getMessage(), e);
    }
  }

  private static Contents readPayload(byte[] bytes, String storage) throws IOException {
    DataInputStream in =
        new DataInputStream(
            new ByteArrayInputStream(bytes, HEADER_BYTES, bytes.length - HEADER_BYTES));
    String jobId = in.readUTF();
    long checkpointId = in.readLong();
    int pieceCount = in.readInt();
    List<StateHandle> pieces = new ArrayList<>(Math.min(pieceCount, 1024));
    for (int i = 0; i < pieceCount; i++) {
      String location = in.readUTF();
      long length = in.readLong();
      long checksum = in.readInt() & 0xffffffffL;
      pieces.add(new StateHandle(storage, location, length, checksum));
    }
    byte[] metadata = new byte[in.readInt()];
    in.readFully(metadata);
    if (in.available() > 0) {
      throw new IOException(in.available() + " unexpected bytes after the metadata");
    }
    return new Contents(jobId, checkpointId, pieces, metadata);
  }
}
