package io.sluice.api.connector.file;

import io.sluice.api.connector.sink.CommittingSinkWriter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

/**
 * Writes lines to a hidden in-progress file next to the target. Confined to the subtask's thread.
 */
final class TextLineWriter<T> implements CommittingSinkWriter<T, FileSink.PendingFile> {
  private final Path target;
  private final Path inProgress;
  private BufferedWriter out;

  TextLineWriter(Path target) throws IOException {
    this.target = target;
    this.inProgress =
        target.resolveSibling("." + target.getFileName() + ".inprogress." + System.nanoTime());
    this.out =
        new BufferedWriter(
            new OutputStreamWriter(Files.newOutputStream(inProgress), StandardCharsets.UTF_8),
            1 << 16);
  }

  @Override
  public void write(T element, Context context) throws IOException {
    out.write(element.toString());
    out.write('\n');
  }

  @Override
  public void flush(boolean endOfInput) throws IOException {
    out.flush();
  }

  @Override
  public Collection<FileSink.PendingFile> prepareCommit() throws IOException {
    out.close();
    out = null;
    return List.of(new FileSink.PendingFile(inProgress.toString(), target.toString()));
  }

  @Override
  public void close() throws IOException {
    if (out != null) {
      // Not committed (failure or cancel): drop the partial output.
      out.close();
      out = null;
      Files.deleteIfExists(inProgress);
    }
  }
}
