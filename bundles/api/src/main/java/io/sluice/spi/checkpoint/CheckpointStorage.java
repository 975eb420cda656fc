package io.sluice.spi.checkpoint;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Where checkpoint data and metadata are kept. Registered as an OSGi service by a storage bundle
 * with the service property {@value #NAME_PROPERTY}; the runtime selects one by the configured
 * {@code checkpoint.storage}. Handles name their storage so older checkpoints stay readable.
 *
 * <p>The life of a checkpoint: tasks write their pieces of state through {@link #createStateStream}
 * (usually on asynchronous snapshot threads) and send the {@link StateHandle}s to the coordinator,
 * which calls {@link #commitMetadata} with all of them. The checkpoint is complete exactly when
 * that call returns; a checkpoint whose metadata was never committed is ignored by every reading
 * method. On failover the coordinator asks {@link #latestValid} for the newest checkpoint whose
 * metadata and pieces verify, and after each completion {@link #retain} drops the older ones.
 *
 * <p>Threading: implementations are thread-safe; any thread may call any method, and different
 * checkpoints may be written concurrently. Commit, discard and retention of one job are expected
 * from one coordinator thread at a time.
 */
@ProviderType
public interface CheckpointStorage {

  /** Service property naming the storage ("fs", "memory"). */
  String NAME_PROPERTY = "sluice.checkpoint.storage";

  /** The name this storage is registered under, also recorded in every handle it issues. */
  String name();

  /**
   * Opens a stream for one piece of state of a checkpoint. {@link
   * StateOutputStream#closeAndGetHandle()} makes the piece durable; a plain {@code close()}
   * abandons it. Names are letters, digits, {@code . _ -} and may not start with {@code .} or
   * {@code _}.
   *
   * @throws java.nio.file.FileAlreadyExistsException if the piece was already written
   */
  StateOutputStream createStateStream(String jobId, long checkpointId, String pieceName)
      throws IOException;

  /**
   * Opens a stream for a piece that several checkpoints of a job may reference (an immutable file
   * of an incremental snapshot). It is written once and then listed among the pieces of every
   * checkpoint that needs it; it is deleted once no retained checkpoint lists it any more.
   *
   * @param pieceName unique within the job for its lifetime; same characters as {@link
   *     #createStateStream}
   * @throws java.nio.file.FileAlreadyExistsException if the piece was already written
   * @throws UnsupportedOperationException if this storage does not share pieces
   */
  default StateOutputStream createSharedStateStream(String jobId, String pieceName)
      throws IOException {
    throw new UnsupportedOperationException(
        "checkpoint storage '" + name() + "' does not support shared (incremental) pieces");
  }

  /**
   * Reads a piece written by {@link #createStateStream} or {@link #createSharedStateStream}. The
   * stream checks the piece's length and checksum as it reaches the end and throws {@link
   * CorruptCheckpointException} on a mismatch.
   *
   * @throws IllegalArgumentException if the handle names another storage
   */
  InputStream openStateStream(StateHandle piece) throws IOException;

  /**
   * Writes the checkpoint's metadata atomically together with the checksums of its pieces; the
   * checkpoint is complete once this returns, and a crash before that leaves no trace visible to
   * readers.
   *
   * @param pieces the handles of all pieces the checkpoint needs, issued by this storage for this
   *     checkpoint
   * @param metadata opaque bytes of the coordinator, returned unchanged by {@link #readMetadata}
   * @throws java.nio.file.FileAlreadyExistsException if the checkpoint was already committed
   */
  CheckpointHandle commitMetadata(
      String jobId, long checkpointId, List<StateHandle> pieces, byte[] metadata)
      throws IOException;

  /**
   * Reads committed metadata after verifying its checksum; the pieces are not read.
   *
   * @throws java.nio.file.NoSuchFileException if the checkpoint is not complete
   * @throws CorruptCheckpointException if the metadata does not verify
   */
  CompletedCheckpoint readMetadata(String jobId, long checkpointId) throws IOException;

  /** The ids of the completed (committed) checkpoints of a job, oldest first; none if unknown. */
  List<Long> completedCheckpoints(String jobId) throws IOException;

  /**
   * The newest completed checkpoint whose metadata and every referenced piece verify, with the
   * reasons newer checkpoints were passed over so the caller can report them. Corrupt checkpoints
   * are left in place for inspection.
   */
  LatestValid latestValid(String jobId) throws IOException;

  /**
   * Keeps the {@code count} newest completed checkpoints of a job and discards the older ones,
   * together with incomplete checkpoints left behind by a crash (never one still being written).
   *
   * @return the ids of the discarded completed checkpoints, oldest first
   */
  List<Long> retain(String jobId, int count) throws IOException;

  /**
   * Deletes a checkpoint, complete or not, and everything only it references. The metadata goes
   * first, so a crash halfway leaves an incomplete checkpoint, never a broken complete one.
   */
  void discard(String jobId, long checkpointId) throws IOException;

  /**
   * A storage of the same kind whose checkpoints live under {@code directory}: where savepoints are
   * written ({@code sluice savepoint JOB DIR}). Its handles name this storage's {@link #name()}.
   */
  CheckpointStorage atDirectory(String directory) throws IOException;

  /** The path users see for a completed checkpoint or savepoint (the folder holding it). */
  String pathOf(CheckpointHandle handle);

  /**
   * Reads the completed checkpoint or savepoint at {@code path} (as {@link #pathOf} printed it, on
   * any instance of this kind of storage) after verifying its metadata, together with the storage
   * that opens its pieces.
   *
   * @throws java.nio.file.NoSuchFileException if nothing complete is there (the message says what
   *     was found instead)
   * @throws CorruptCheckpointException if the metadata does not verify
   */
  OpenedCheckpoint openCompleted(String path) throws IOException;

  /** A completed checkpoint read from a path, and the storage that opens its pieces. */
  record OpenedCheckpoint(CompletedCheckpoint checkpoint, CheckpointStorage storage) {}
}
