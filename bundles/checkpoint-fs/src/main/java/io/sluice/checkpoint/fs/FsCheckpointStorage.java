package io.sluice.checkpoint.fs;

import io.sluice.checkpoint.fs.MetadataFormat.Contents;
import io.sluice.spi.checkpoint.CheckpointHandle;
import io.sluice.spi.checkpoint.CheckpointStorage;
import io.sluice.spi.checkpoint.CompletedCheckpoint;
import io.sluice.spi.checkpoint.CorruptCheckpointException;
import io.sluice.spi.checkpoint.LatestValid;
import io.sluice.spi.checkpoint.SkippedCheckpoint;
import io.sluice.spi.checkpoint.StateHandle;
import io.sluice.spi.checkpoint.StateOutputStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * The {@code fs} checkpoint storage, the embedded default: checkpoints as files in a directory
 * ({@code ${sluice.home}/data/checkpoints} unless configured under PID {@value #PID}).
 *
 * <p>Layout: {@code <dir>/<jobId>/chk-<id>/} holds one file per piece of state and {@code
 * _metadata}. Every piece is forced to disk when its stream is closed and its length and CRC-32C go
 * into the metadata; the metadata file has its own header with magic, version, length and CRC-32C.
 * Commit writes {@code _metadata.tmp}, forces it, renames it atomically to {@code _metadata} and
 * forces the directory, so a checkpoint is either complete or, lacking {@code _metadata}, ignored
 * by readers and removed by {@link #retain}.
 *
 * <p>Shared pieces ({@link #createSharedStateStream}, the SST files of incremental RocksDB
 * checkpoints) live in {@code <dir>/<jobId>/shared/} and are listed in the metadata of every
 * checkpoint that needs them. They are reference-counted by that metadata: discarding a checkpoint
 * (directly or through {@link #retain}) deletes the shared pieces it listed that no other completed
 * checkpoint of the job lists. A shared piece no committed checkpoint ever listed (its checkpoint
 * failed) is left in place, since a checkpoint still being written may reference it.
 *
 * <p>Registered as a DS component under {@code sluice.checkpoint.storage=fs}; tests and embedded
 * setups may also create it with {@code new}. Thread-safe: pieces of any checkpoints may be written
 * from any threads at once.
 */
@Component(
    service = CheckpointStorage.class,
    configurationPid = FsCheckpointStorage.PID,
    property = CheckpointStorage.NAME_PROPERTY + "=" + FsCheckpointStorage.NAME)
public final class FsCheckpointStorage implements CheckpointStorage {

  /** The name users select this storage by ({@code checkpoint.storage = fs}). */
  public static final String NAME = "fs";

  /** The Config Admin PID; its property {@code directory} sets the checkpoint directory. */
  public static final String PID = "io.sluice.checkpoint.fs";

  private static final System.Logger LOG = System.getLogger(FsCheckpointStorage.class.getName());

  private final CheckpointLayout layout;

  /**
   * Checkpoints this instance has started writing and not yet committed or discarded: retention
   * must not mistake them for crash leftovers.
   */
  private final Set<CheckpointKey> inProgress = ConcurrentHashMap.newKeySet();

  /**
   * One monitor per job. Starting a checkpoint (clearing a leftover directory of the same id,
   * creating it) and removing crash leftovers are check-then-act sequences on the same directory,
   * so they run under it; writing, committing and reading do not.
   */
  private final ConcurrentHashMap<String, Object> jobLocks = new ConcurrentHashMap<>();

  /** Keeps checkpoints in {@code directory}, created when first needed. */
  public FsCheckpointStorage(Path directory) {
    this.layout = new CheckpointLayout(directory);
  }

  /** The DS constructor: the directory comes from the configuration and {@code sluice.home}. */
  @Activate
  public FsCheckpointStorage(BundleContext context, FsStorageConfig config) {
    this(
        StorageDirectory.resolve(
            config.directory(), context.getProperty(StorageDirectory.HOME_PROPERTY)));
  }

  @Override
  public String name() {
    return NAME;
  }

  /** The directory holding all checkpoints. */
  public Path directory() {
    return layout.root();
  }

  @Override
  public StateOutputStream createStateStream(String jobId, long checkpointId, String pieceName)
      throws IOException {
    Path file = layout.pieceFile(jobId, checkpointId, pieceName);
    CheckpointKey key = new CheckpointKey(jobId, checkpointId);
    synchronized (lock(jobId)) {
      if (inProgress.add(key)) {
        try {
          prepareCheckpointDirectory(file.getParent(), key);
        } catch (IOException | RuntimeException e) {
          inProgress.remove(key);
          throw e;
        }
      }
    }
    return new FsStateOutputStream(file, NAME, layout.location(file));
  }

  @Override
  public StateOutputStream createSharedStateStream(String jobId, String pieceName)
      throws IOException {
    Path file = layout.sharedFile(jobId, pieceName);
    if (Files.exists(file)) {
      throw new FileAlreadyExistsException(
          file.toString(), null, "shared piece already written; shared piece names are unique");
    }
    Files.createDirectories(file.getParent());
    return new FsStateOutputStream(file, NAME, layout.location(file));
  }

  /** Called once per checkpoint this instance starts: clears a crash leftover of the same id. */
  private void prepareCheckpointDirectory(Path dir, CheckpointKey key) throws IOException {
    if (Files.exists(dir.resolve(CheckpointLayout.METADATA))) {
      throw new FileAlreadyExistsException(
          dir.toString(), null, key + " is already complete; use a new checkpoint id");
    }
    if (Files.exists(dir)) {
      LOG.log(Level.INFO, "Removing incomplete {0} left by an earlier run at {1}", key, dir);
      Durability.deleteTree(dir);
    }
    Files.createDirectories(dir);
  }

  @Override
  public InputStream openStateStream(StateHandle piece) throws IOException {
    Path file = pieceFile(piece);
    return new VerifyingInputStream(
        new BufferedInputStream(Files.newInputStream(file)),
        file.toString(),
        new FileDigest(piece.length(), piece.checksum()));
  }

  @Override
  public CheckpointHandle commitMetadata(
      String jobId, long checkpointId, List<StateHandle> pieces, byte[] metadata)
      throws IOException {
    Objects.requireNonNull(metadata, "metadata");
    Path dir = layout.checkpointDir(jobId, checkpointId);
    CheckpointKey key = new CheckpointKey(jobId, checkpointId);
    for (StateHandle piece : pieces) {
      checkPieceOfCheckpoint(piece, dir, key);
    }
    byte[] bytes =
        MetadataFormat.encode(new Contents(jobId, checkpointId, List.copyOf(pieces), metadata));
    Path target = dir.resolve(CheckpointLayout.METADATA);
    synchronized (lock(jobId)) {
      if (Files.exists(target)) {
        throw new FileAlreadyExistsException(target.toString(), null, key + " is already complete");
      }
      inProgress.add(key);
      Files.createDirectories(dir);
    }
    try {
      Durability.fsyncDirectory(dir); // piece names are durable before the metadata names them
      Path tmp = dir.resolve(CheckpointLayout.METADATA_TMP);
      try (FileChannel channel =
          FileChannel.open(
              tmp,
              StandardOpenOption.CREATE,
              StandardOpenOption.TRUNCATE_EXISTING,
              StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      Durability.fsyncDirectory(dir);
      Durability.fsyncDirectory(dir.getParent());
      Durability.fsyncDirectory(layout.root());
    } finally {
      inProgress.remove(key);
    }
    return new CheckpointHandle(NAME, layout.location(dir), jobId, checkpointId);
  }

  private void checkPieceOfCheckpoint(StateHandle piece, Path dir, CheckpointKey key)
      throws IOException {
    Path file = pieceFile(piece);
    if (!dir.equals(file.getParent()) && !isSharedPieceOf(file, key.jobId())) {
      throw new IllegalArgumentException(
          "piece "
              + piece.location()
              + " does not belong to "
              + key
              + ": write the piece with this checkpoint's id, or as a shared piece of its job");
    }
    long size;
    try {
      size = Files.size(file);
    } catch (NoSuchFileException e) {
      throw new NoSuchFileException(
          file.toString(), null, "piece of " + key + " is missing; was it abandoned or discarded?");
    }
    if (size != piece.length()) {
      throw new CorruptCheckpointException(
          file.toString(), piece.length() + " bytes", size + " bytes");
    }
  }

  @Override
  public CompletedCheckpoint readMetadata(String jobId, long checkpointId) throws IOException {
    Path file = layout.metadataFile(jobId, checkpointId);
    CheckpointKey key = new CheckpointKey(jobId, checkpointId);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new NoSuchFileException(
          file.toString(), null, key + " is not complete: it has no committed metadata");
    }
    Contents contents = MetadataFormat.decode(bytes, file.toString(), NAME);
    if (!contents.jobId().equals(jobId) || contents.checkpointId() != checkpointId) {
      throw new CorruptCheckpointException(
          file.toString(),
          "metadata of " + key,
          "metadata of " + new CheckpointKey(contents.jobId(), contents.checkpointId()));
    }
    CheckpointHandle handle =
        new CheckpointHandle(NAME, layout.location(file.getParent()), jobId, checkpointId);
    return new CompletedCheckpoint(handle, contents.pieces(), contents.metadata());
  }

  @Override
  public List<Long> completedCheckpoints(String jobId) throws IOException {
    List<Long> ids = new ArrayList<>();
    for (long id : checkpointIds(jobId)) {
      if (Files.isRegularFile(layout.metadataFile(jobId, id))) {
        ids.add(id);
      }
    }
    return ids;
  }

  @Override
  public LatestValid latestValid(String jobId) throws IOException {
    List<Long> completed = completedCheckpoints(jobId);
    List<SkippedCheckpoint> skipped = new ArrayList<>();
    for (int i = completed.size() - 1; i >= 0; i--) {
      long id = completed.get(i);
      try {
        CompletedCheckpoint checkpoint = readMetadata(jobId, id);
        for (StateHandle piece : checkpoint.pieces()) {
          verifyPiece(piece);
        }
        return new LatestValid(Optional.of(checkpoint), skipped);
      } catch (IOException e) {
        LOG.log(
            Level.WARNING,
            "Passing over {0} in recovery: {1}",
            new CheckpointKey(jobId, id),
            e.getMessage());
        skipped.add(new SkippedCheckpoint(id, e.getMessage()));
      }
    }
    return new LatestValid(Optional.empty(), skipped);
  }

  private void verifyPiece(StateHandle piece) throws IOException {
    Path file = pieceFile(piece);
    FileDigest actual;
    try {
      actual = FileDigest.of(file);
    } catch (NoSuchFileException e) {
      throw new NoSuchFileException(file.toString(), null, "piece file is missing");
    }
    FileDigest expected = new FileDigest(piece.length(), piece.checksum());
    if (!actual.equals(expected)) {
      throw new CorruptCheckpointException(file.toString(), expected.toString(), actual.toString());
    }
  }

  @Override
  public List<Long> retain(String jobId, int count) throws IOException {
    if (count < 1) {
      throw new IllegalArgumentException(
          "retain at least 1 checkpoint of job " + jobId + ", not " + count);
    }
    List<Long> completed = completedCheckpoints(jobId);
    List<Long> dropped = List.copyOf(completed.subList(0, Math.max(0, completed.size() - count)));
    for (long id : dropped) {
      discard(jobId, id);
    }
    removeLeftovers(jobId);
    return dropped;
  }

  /** Deletes the incomplete checkpoints of a job that this instance is not writing. */
  private void removeLeftovers(String jobId) throws IOException {
    synchronized (lock(jobId)) {
      for (long id : checkpointIds(jobId)) {
        CheckpointKey key = new CheckpointKey(jobId, id);
        Path dir = layout.checkpointDir(jobId, id);
        if (!inProgress.contains(key) && !Files.exists(dir.resolve(CheckpointLayout.METADATA))) {
          LOG.log(Level.INFO, "Removing incomplete {0} at {1}", key, dir);
          Durability.deleteTree(dir);
        }
      }
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>Shared pieces it lists go too, unless another completed checkpoint of the job lists them.
   */
  @Override
  public void discard(String jobId, long checkpointId) throws IOException {
    Path dir = layout.checkpointDir(jobId, checkpointId);
    inProgress.remove(new CheckpointKey(jobId, checkpointId));
    if (!Files.exists(dir)) {
      return;
    }
    Set<Path> shared = sharedPiecesOf(jobId, checkpointId);
    if (Files.deleteIfExists(dir.resolve(CheckpointLayout.METADATA))) {
      Durability.fsyncDirectory(dir); // from here on the checkpoint is merely incomplete
    }
    Durability.deleteTree(dir);
    if (!shared.isEmpty()) {
      for (long other : completedCheckpoints(jobId)) {
        shared.removeAll(sharedPiecesOf(jobId, other));
      }
      for (Path file : shared) {
        Files.deleteIfExists(file);
      }
      Durability.fsyncDirectory(layout.sharedDir(jobId));
    }
  }

  /**
   * The shared pieces a completed checkpoint lists; none if it is not complete. Metadata that does
   * not verify lists nothing, so pieces only a corrupt checkpoint lists are kept (for inspection).
   */
  private Set<Path> sharedPiecesOf(String jobId, long checkpointId) throws IOException {
    Set<Path> shared = new java.util.HashSet<>();
    CompletedCheckpoint checkpoint;
    try {
      checkpoint = readMetadata(jobId, checkpointId);
    } catch (NoSuchFileException | CorruptCheckpointException e) {
      return shared;
    }
    for (StateHandle piece : checkpoint.pieces()) {
      Path file = pieceFile(piece);
      if (isSharedPieceOf(file, jobId)) {
        shared.add(file);
      }
    }
    return shared;
  }

  private boolean isSharedPieceOf(Path file, String jobId) {
    return layout.sharedDir(jobId).equals(file.getParent());
  }

  /** The ids of all checkpoint directories of a job, complete or not, ascending. */
  private List<Long> checkpointIds(String jobId) throws IOException {
    Path jobDir = layout.jobDir(jobId);
    List<Long> ids = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(jobDir, Files::isDirectory)) {
      for (Path entry : entries) {
        OptionalLong id = CheckpointLayout.checkpointId(entry.getFileName().toString());
        if (id.isPresent()) {
          ids.add(id.getAsLong());
        }
      }
    } catch (NoSuchFileException e) {
      return List.of();
    }
    ids.sort(null);
    return ids;
  }

  private Path pieceFile(StateHandle piece) {
    if (!NAME.equals(piece.storage())) {
      throw new IllegalArgumentException(
          "piece "
              + piece.location()
              + " belongs to checkpoint storage '"
              + piece.storage()
              + "', not '"
              + NAME
              + "'; read it through that storage");
    }
    Path file = layout.resolve(piece.location());
    String name = file.getFileName().toString();
    if (name.startsWith("_") || name.startsWith(".")) {
      throw new IllegalArgumentException("location " + piece.location() + " is not a piece");
    }
    return file;
  }

  private Object lock(String jobId) {
    return jobLocks.computeIfAbsent(jobId, id -> new Object());
  }

  /** A storage of this kind over {@code directory} (relative paths resolve against the cwd). */
  @Override
  public CheckpointStorage atDirectory(String directory) {
    return new FsCheckpointStorage(Path.of(directory));
  }

  /** The absolute folder {@code <dir>/<job>/chk-<id>} of the checkpoint. */
  @Override
  public String pathOf(CheckpointHandle handle) {
    if (!NAME.equals(handle.storage())) {
      throw new IllegalArgumentException(
          "checkpoint "
              + handle.checkpointId()
              + " of job "
              + handle.jobId()
              + " was committed by storage '"
              + handle.storage()
              + "', not '"
              + NAME
              + "'");
    }
    return layout.resolve(handle.location()).toString();
  }

  /**
   * {@inheritDoc}
   *
   * <p>Accepts the folder {@code .../<job>/chk-<id>} or its {@code _metadata} file; the returned
   * storage is rooted two levels above the folder.
   */
  @Override
  public OpenedCheckpoint openCompleted(String path) throws IOException {
    Path dir = Path.of(path).toAbsolutePath().normalize();
    if (dir.getFileName() != null
        && dir.getFileName().toString().equals(CheckpointLayout.METADATA)) {
      dir = dir.getParent();
    }
    if (!Files.exists(dir)) {
      throw new NoSuchFileException(
          path, null, "nothing is there; give the folder printed when the savepoint was taken");
    }
    OptionalLong id =
        dir.getFileName() == null
            ? OptionalLong.empty()
            : CheckpointLayout.checkpointId(dir.getFileName().toString());
    if (id.isEmpty()
        || !Files.isDirectory(dir)
        || dir.getParent() == null
        || dir.getParent().getParent() == null) {
      throw new NoSuchFileException(
          path,
          null,
          "not a checkpoint or savepoint folder: found "
              + describe(dir)
              + ", expected a folder .../<job>/chk-<id> holding _metadata, as printed when it was"
              + " taken");
    }
    if (!Files.isRegularFile(dir.resolve(CheckpointLayout.METADATA))) {
      throw new NoSuchFileException(
          path,
          null,
          "the checkpoint or savepoint there is incomplete (no _metadata; found "
              + describe(dir)
              + "): it failed or is still being written");
    }
    FsCheckpointStorage storage = new FsCheckpointStorage(dir.getParent().getParent());
    CompletedCheckpoint checkpoint =
        storage.readMetadata(dir.getParent().getFileName().toString(), id.getAsLong());
    return new OpenedCheckpoint(checkpoint, storage);
  }

  /** What is at {@code path}, for messages: a file, or a folder with its first few entries. */
  private static String describe(Path path) throws IOException {
    if (!Files.isDirectory(path)) {
      return "a file";
    }
    List<String> names = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(path)) {
      for (Path entry : entries) {
        names.add(entry.getFileName().toString());
      }
    }
    names.sort(null);
    return names.isEmpty()
        ? "an empty folder"
        : "a folder holding " + (names.size() > 5 ? names.subList(0, 5) + "..." : names);
  }

  @Override
  public String toString() {
    return "FsCheckpointStorage[" + layout.root() + "]";
  }

  /** A checkpoint of a job, as named in messages. */
  private record CheckpointKey(String jobId, long checkpointId) {
    @Override
    public String toString() {
      return "checkpoint " + checkpointId + " of job " + jobId;
    }
  }
}
