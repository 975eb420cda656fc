package io.sluice.api.connector.file;

import io.sluice.api.connector.sink.Committer;
import io.sluice.api.connector.sink.CommittingSinkWriter;
import io.sluice.api.connector.sink.Sink;
import io.sluice.api.connector.sink.SupportsCommitter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.Collection;

/**
 * Writes each element's {@code toString()} as a UTF-8 line. With one writer the output is the file
 * at {@code path}; with several, {@code path} is a directory holding {@code part-0}, {@code
 * part-1}, … Writers write to hidden in-progress files that are renamed into place when committed
 * (at the end of a bounded job), so a reader never sees half an output.
 */
public final class FileSink<T> implements Sink<T>, SupportsCommitter<FileSink.PendingFile> {
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
    Path target = Paths.get(path);
    if (context.parallelism() > 1) {
      if (Files.isRegularFile(target)) {
        throw new IOException(
            "Output "
                + target
                + " is a file, but "
                + context.parallelism()
                + " parallel writers need a directory; delete it or set the sink's parallelism to 1");
      }
      Files.createDirectories(target);
      target = target.resolve("part-" + context.subtaskIndex());
    } else if (target.getParent() != null) {
      Files.createDirectories(target.getParent());
    }
    return new TextLineWriter<>(target);
  }

  @Override
  public Committer<PendingFile> createCommitter() {
    return new RenameCommitter();
  }

  /**
   * A finished in-progress file waiting to be renamed to its target.
   *
   * @param inProgress the written file
   * @param target its final name
   */
  public record PendingFile(String inProgress, String target) {}

  /** Renames pending files into place; a file already renamed is skipped, so commits can repeat. */
  private static final class RenameCommitter implements Committer<PendingFile> {
    @Override
    public void commit(Collection<PendingFile> committables) throws IOException {
      for (PendingFile pending : committables) {
        Path from = Paths.get(pending.inProgress());
        if (Files.exists(from)) {
          Files.move(
              from,
              Paths.get(pending.target()),
              StandardCopyOption.REPLACE_EXISTING,
              StandardCopyOption.ATOMIC_MOVE);
        }
      }
    }
  }
}
