package io.sluice.api.connector.file;

import io.sluice.api.connector.sink.Committer;
import io.sluice.api.connector.sink.CommittingSinkWriter;
import io.sluice.api.connector.sink.Sink;
import io.sluice.api.connector.sink.StatefulSinkWriter;
import io.sluice.api.connector.sink.SupportsCommitter;
import io.sluice.api.connector.sink.SupportsWriterState;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Writes each element's {@code toString()} as a UTF-8 line, exactly once: a reader of the output
 * never sees half a file, and after failures and restarts every record appears once.
 *
 * <p><b>Layout.</b> Without checkpoints, one writer writes the file {@code path}; several writers
 * make {@code path} a directory holding {@code part-0}, {@code part-1}, … (one file per writer).
 * With checkpoints, {@code path} is always a directory (also with one writer): each writer starts a
 * new part file after every checkpoint, named {@code part-<subtask>-<seq>} with {@code seq}
 * counting from 0 per writer, so the committed output is the concatenation of the part files (order
 * within one writer by {@code seq}). Hidden files (starting with {@code .}) are not output. Start a
 * job with an empty (or absent) output path: files of an earlier run are not removed.
 *
 * <p><b>File lifecycle.</b>
 *
 * <ol>
 *   <li><b>in-progress</b>: a writer appends lines to a hidden file unique to the writer instance,
 *       {@code .part-<subtask>-<uuid>.inprogress} in the directory (or {@code
 *       .<name>.<uuid>.inprogress} next to the single output file), opened at the first line after
 *       a checkpoint;
 *   <li><b>pending</b>: at a checkpoint barrier the writer closes the file; it becomes a {@link
 *       PendingFile} (the file and its final name), kept in the checkpoint until it completes;
 *   <li><b>committed</b>: when the checkpoint completes the committer renames the pending file
 *       atomically to its final name. The last file of a bounded input is committed when the whole
 *       job has ended (the runtime's final notification), or at once without checkpoints.
 * </ol>
 *
 * After a failure the job restarts from the latest completed checkpoint: its pending files are
 * committed again (a file already renamed is skipped), then each writer deletes its own in-progress
 * and pending files that no completed checkpoint refers to — their records are replayed by the
 * sources — and continues numbering after its highest committed part file.
 */
public final class FileSink<T>
    implements Sink<T>,
        SupportsCommitter<FileSink.PendingFile>,
        SupportsWriterState<T, FileSink.WriterState> {
  private static final long serialVersionUID = 1L;

  private final String path;

  private FileSink(String path) {
    this.path = path;
  }

  public static <T> FileSink<T> forTextLines(Path path) {
    return new FileSink<>(path.toAbsolutePath().toString());
  }

  @Override
  public CommittingSinkWriter<T, PendingFile> createWriter(InitContext context) throws IOException {
    PartFiles files = prepare(context);
    boolean directory =
        context.parallelism() > 1
            || context.checkpointingEnabled()
            || Files.isDirectory(files.path());
    return new TextLineWriter<>(
        files,
        context.subtaskIndex(),
        context.parallelism(),
        directory,
        false,
        files.nextSequenceAfterCommitted());
  }

  /**
   * A writer after a restore: numbered part files in the directory, continuing after both the
   * sequence in its state and its highest committed part file (after a change of parallelism this
   * subtask may have got another subtask's state or none).
   */
  @Override
  public StatefulSinkWriter<T, WriterState> restoreWriter(
      InitContext context, Collection<WriterState> recoveredState) throws IOException {
    PartFiles files = prepare(context);
    long next = files.nextSequenceAfterCommitted();
    for (WriterState state : recoveredState) {
      if (state.subtask() == context.subtaskIndex()) {
        next = Math.max(next, state.nextSequence());
      }
    }
    // The directory is made with the first part file: a writer restored from a checkpoint taken
    // after the end of its input gets no lines, and its last output may be the single file.
    boolean directory =
        context.parallelism() > 1
            || context.checkpointingEnabled()
            || Files.isDirectory(files.path());
    return new TextLineWriter<>(
        files, context.subtaskIndex(), context.parallelism(), directory, true, next);
  }

  private PartFiles prepare(InitContext context) throws IOException {
    Path target = Paths.get(path);
    PartFiles files = new PartFiles(target, context.subtaskIndex());
    if (context.parallelism() > 1) {
      files.createDirectory(context.parallelism(), "with several writers");
    } else if (context.checkpointingEnabled()) {
      files.createDirectory(context.parallelism(), "with checkpoints");
    } else if (target.getParent() != null) {
      Files.createDirectories(target.getParent());
    }
    files.deleteLeftovers();
    return files;
  }

  /**
   * The committed lines at {@code path} in the order the writers wrote them: the file itself, or
   * the part files of the directory ordered by subtask, then sequence number (hidden in-progress
   * and pending files are not output). For tests and tools that check a job's output.
   */
  public static List<String> readCommittedLines(Path path) throws IOException {
    if (!Files.isDirectory(path)) {
      return Files.readAllLines(path, StandardCharsets.UTF_8);
    }
    List<Path> parts;
    try (var files = Files.list(path)) {
      parts =
          files
              .filter(file -> PartFiles.partOrder(file) != null)
              .sorted(Comparator.comparing(PartFiles::partOrder))
              .toList();
    }
    List<String> lines = new ArrayList<>();
    for (Path part : parts) {
      lines.addAll(Files.readAllLines(part, StandardCharsets.UTF_8));
    }
    return lines;
  }

  @Override
  public Committer<PendingFile> createCommitter() {
    return new RenameCommitter();
  }

  /**
   * A closed in-progress file waiting to be renamed to its final name.
   *
   * @param inProgress the written file
   * @param target its final name
   */
  public record PendingFile(String inProgress, String target) implements Serializable {}

  /**
   * What a writer keeps in a checkpoint: the number of its next part file.
   *
   * @param subtask the writer's subtask
   * @param nextSequence the {@code seq} of its next {@code part-<subtask>-<seq>}
   */
  public record WriterState(int subtask, long nextSequence) implements Serializable {}

  /**
   * Renames pending files into place. A pending file that is gone while its target exists was
   * committed before (a restore commits again), so it is skipped.
   */
  private static final class RenameCommitter implements Committer<PendingFile> {
    @Override
    public void commit(Collection<PendingFile> committables) throws IOException {
      for (PendingFile pending : committables) {
        Path from = Paths.get(pending.inProgress());
        Path to = Paths.get(pending.target());
        if (!rename(from, to) && !Files.exists(to)) {
          throw new IOException(
              "Cannot commit "
                  + to
                  + ": neither it nor its pending file "
                  + from
                  + " exists, so output of a completed checkpoint was lost (was the output"
                  + " directory changed while the job ran?)");
        }
      }
    }

    /**
     * Whether this call renamed the file (false: it was gone, maybe renamed by another subtask).
     */
    private static boolean rename(Path from, Path to) throws IOException {
      try {
        Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return true;
      } catch (NoSuchFileException e) {
        if (Files.exists(from)) {
          throw e; // the target's directory is missing, not the pending file
        }
        return false;
      }
    }
  }
}
