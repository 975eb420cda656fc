package io.sluice.api.connector.file;

import io.sluice.api.connector.sink.CommittingSinkWriter;
import io.sluice.api.connector.sink.StatefulSinkWriter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

/**
 * Writes lines to a hidden in-progress file, opened at the first line after a checkpoint, and hands
 * it over as a {@link FileSink.PendingFile} at each checkpoint and at the end (see {@link FileSink}
 * for the lifecycle). Confined to the subtask's thread.
 */
final class TextLineWriter<T>
    implements CommittingSinkWriter<T, FileSink.PendingFile>,
        StatefulSinkWriter<T, FileSink.WriterState> {
  private final PartFiles files;
  private final int subtask;
  private final int parallelism;
  private boolean directory;
  private boolean numbered;
  private long nextSequence;
  private boolean endOfInput;
  private Path inProgress;
  private BufferedWriter out;

  /**
   * @param directory whether {@code files.path()} is (to be) a directory
   * @param numbered whether the writer has taken part in a checkpoint (its files are numbered)
   * @param nextSequence the number of its next part file
   */
  TextLineWriter(
      PartFiles files,
      int subtask,
      int parallelism,
      boolean directory,
      boolean numbered,
      long nextSequence) {
    this.files = files;
    this.subtask = subtask;
    this.parallelism = parallelism;
    this.directory = directory;
    this.numbered = numbered;
    this.nextSequence = nextSequence;
  }

  @Override
  public void write(T element, Context context) throws IOException {
    if (out == null) {
      open();
    }
    out.write(element.toString());
    out.write('\n');
  }

  private void open() throws IOException {
    inProgress = files.newInProgress(directory);
    out =
        new BufferedWriter(
            new OutputStreamWriter(Files.newOutputStream(inProgress), StandardCharsets.UTF_8),
            1 << 16);
  }

  @Override
  public void flush(boolean endOfInput) throws IOException {
    this.endOfInput |= endOfInput;
    if (out != null) {
      out.flush();
    }
  }

  /**
   * Closes the in-progress file and names its target: at a checkpoint (and at the end once
   * numbered) the next numbered part file, or nothing if no line came since the last one; at the
   * end of a writer that never took part in a checkpoint its single output file, even if empty.
   */
  @Override
  public Collection<FileSink.PendingFile> prepareCommit() throws IOException {
    if (endOfInput && !numbered) {
      if (out == null) {
        open(); // an empty input still gives an (empty) output file
      }
      return List.of(closeAs(files.unnumberedTarget(directory)));
    }
    numbered = true;
    if (out == null) {
      return List.of();
    }
    if (!directory) {
      files.createDirectory(parallelism, "once a checkpoint is taken");
      directory = true;
    }
    return List.of(closeAs(files.numberedTarget(nextSequence++)));
  }

  private FileSink.PendingFile closeAs(Path target) throws IOException {
    out.close();
    out = null;
    FileSink.PendingFile pending =
        new FileSink.PendingFile(inProgress.toString(), target.toString());
    inProgress = null;
    return pending;
  }

  @Override
  public List<FileSink.WriterState> snapshotState(long checkpointId) {
    return List.of(new FileSink.WriterState(subtask, nextSequence));
  }

  @Override
  public void close() throws IOException {
    if (out != null) {
      // Not handed over (failure or cancel): drop the partial output.
      out.close();
      out = null;
      Files.deleteIfExists(inProgress);
    }
  }
}
