package io.sluice.api.connector.file;

import io.sluice.api.connector.source.Boundedness;
import io.sluice.api.connector.source.Source;
import io.sluice.api.connector.source.SourceReader;
import io.sluice.api.connector.source.SourceReaderContext;
import io.sluice.api.connector.source.SplitEnumerator;
import io.sluice.api.connector.source.SplitEnumeratorContext;
import io.sluice.api.connector.source.util.StaticSplitEnumerator;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads UTF-8 text files line by line, in parallel: each file is cut into byte ranges that readers
 * pull one at a time. A line belongs to the range its first byte lies in, so no line is read twice
 * or torn. Line ends are {@code \n} or {@code \r\n}; a directory means every regular file in it.
 *
 * <p>Restorable from checkpoints: readers checkpoint their unfinished ranges with the byte offset
 * of the next line ({@link FileSplit#position()}), the enumerator the ranges not handed out yet.
 * The input files must not change between a checkpoint and its restore.
 *
 * <pre>{@code env.fromSource(FileSource.forTextLines(Path.of("in.txt")), noWatermarks(), "lines")}
 * </pre>
 */
public final class FileSource implements Source<String, FileSplit, List<FileSplit>> {
  private static final long serialVersionUID = 1L;

  /** Ranges of this size keep two or more readers busy on one large file. */
  public static final long DEFAULT_SPLIT_SIZE = 16L << 20;

  private final List<String> paths;
  private final long splitSize;

  private FileSource(List<String> paths, long splitSize) {
    if (paths.isEmpty()) {
      throw new IllegalArgumentException("a file source needs at least one path");
    }
    if (splitSize < 1) {
      throw new IllegalArgumentException("split size must be positive: " + splitSize);
    }
    this.paths = List.copyOf(paths);
    this.splitSize = splitSize;
  }

  public static FileSource forTextLines(Path... paths) {
    List<String> names = new ArrayList<>();
    for (Path path : paths) {
      names.add(path.toAbsolutePath().toString());
    }
    return new FileSource(names, DEFAULT_SPLIT_SIZE);
  }

  /** The same source cutting files into ranges of {@code bytes}. */
  public FileSource withSplitSize(long bytes) {
    return new FileSource(paths, bytes);
  }

  @Override
  public Boundedness getBoundedness() {
    return Boundedness.BOUNDED;
  }

  @Override
  public SplitEnumerator<FileSplit, List<FileSplit>> createEnumerator(
      SplitEnumeratorContext<FileSplit> context) throws IOException {
    return new StaticSplitEnumerator<>(context, enumerateSplits());
  }

  /** Continues with the ranges no reader had taken at the checkpoint. */
  @Override
  public SplitEnumerator<FileSplit, List<FileSplit>> restoreEnumerator(
      SplitEnumeratorContext<FileSplit> context, List<FileSplit> checkpoint) {
    return new StaticSplitEnumerator<>(context, checkpoint);
  }

  /** Cuts every input file into ranges; fails clearly if an input does not exist. */
  List<FileSplit> enumerateSplits() throws IOException {
    List<FileSplit> splits = new ArrayList<>();
    for (String name : paths) {
      Path path = Paths.get(name);
      if (!Files.exists(path)) {
        throw new FileNotFoundException("Input file " + path + " does not exist");
      }
      if (Files.isDirectory(path)) {
        try (var files = Files.list(path)) {
          for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
            addRanges(file, splits);
          }
        }
      } else {
        addRanges(path, splits);
      }
    }
    return splits;
  }

  private void addRanges(Path file, List<FileSplit> splits) throws IOException {
    if (!Files.isReadable(file)) {
      throw new IOException("Input file " + file + " is not readable");
    }
    long size = Files.size(file);
    for (long start = 0; start < size; start += splitSize) {
      splits.add(new FileSplit(file.toString(), start, Math.min(size, start + splitSize), start));
    }
  }

  @Override
  public SourceReader<String, FileSplit> createReader(SourceReaderContext context) {
    return new TextLineReader(context);
  }
}
