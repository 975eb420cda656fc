package io.sluice.api.connector.file;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names the files of one {@link FileSink} writer and finds its leftovers. Two layouts:
 *
 * <ul>
 *   <li><b>single file</b> (one writer, no checkpoint yet): in-progress files are hidden siblings
 *       {@code .<name>.<uuid>.inprogress} of the output file {@code path};
 *   <li><b>directory</b>: {@code path} is a directory; in-progress files are {@code
 *       .part-<subtask>-<uuid>.inprogress} in it, committed files {@code part-<subtask>} (a writer
 *       that never took part in a checkpoint) or {@code part-<subtask>-<seq>}.
 * </ul>
 *
 * The uuid makes every in-progress file unique per writer instance, so an attempt never writes into
 * a file a failed attempt left behind. Stateless apart from its settings; any thread.
 */
final class PartFiles {
  private final Path path;
  private final int subtask;
  private final Pattern numberedPart;
  private final String inProgressPrefix;
  private final String singleFilePrefix;

  PartFiles(Path path, int subtask) {
    this.path = path;
    this.subtask = subtask;
    this.numberedPart = Pattern.compile("part-" + subtask + "-(\\d+)");
    this.inProgressPrefix = ".part-" + subtask + "-";
    this.singleFilePrefix = "." + path.getFileName() + ".";
  }

  Path path() {
    return path;
  }

  /** A new, unique in-progress file of this writer. */
  Path newInProgress(boolean directory) {
    String uuid = UUID.randomUUID().toString();
    return directory
        ? path.resolve(inProgressPrefix + uuid + ".inprogress")
        : path.resolveSibling(singleFilePrefix + uuid + ".inprogress");
  }

  /** The one output file of a writer that never took part in a checkpoint. */
  Path unnumberedTarget(boolean directory) {
    return directory ? path.resolve("part-" + subtask) : path;
  }

  /** The committed name of this writer's part file number {@code sequence}. */
  Path numberedTarget(long sequence) {
    return path.resolve("part-" + subtask + "-" + sequence);
  }

  /**
   * Makes {@code path} the output directory.
   *
   * @throws IOException with advice if {@code path} is a regular file (from an earlier run)
   */
  void createDirectory(int parallelism, String why) throws IOException {
    if (Files.isRegularFile(path)) {
      throw new IOException(
          "Output "
              + path
              + " is a file, but "
              + why
              + " the output is a directory of part files (the sink has "
              + parallelism
              + " writer(s)); delete the file or choose another path");
    }
    Files.createDirectories(path);
  }

  /** One more than the highest sequence number among this writer's committed part files. */
  long nextSequenceAfterCommitted() throws IOException {
    long next = 0;
    if (!Files.isDirectory(path)) {
      return next;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(path, "part-" + subtask + "-*")) {
      for (Path file : files) {
        Matcher matcher = numberedPart.matcher(file.getFileName().toString());
        if (matcher.matches()) {
          next = Math.max(next, Long.parseLong(matcher.group(1)) + 1);
        }
      }
    }
    return next;
  }

  /**
   * Deletes this writer's in-progress and pending files left by failed attempts. Safe only once
   * every pending file of the restored checkpoint is committed (renamed away), which the sink
   * operator does before it creates writers. Subtask 0 also removes single-file leftovers.
   *
   * @return how many files were deleted
   */
  int deleteLeftovers() throws IOException {
    int deleted = 0;
    if (Files.isDirectory(path)) {
      deleted += delete(path, inProgressPrefix);
    }
    Path parent = path.toAbsolutePath().getParent();
    if (subtask == 0 && parent != null && Files.isDirectory(parent)) {
      deleted += delete(parent, singleFilePrefix);
    }
    return deleted;
  }

  private static final Pattern ANY_PART = Pattern.compile("part-(\\d+)(?:-(\\d+))?");

  /**
   * Where a committed part file goes in the output, as (subtask, sequence; -1 for an unnumbered
   * file), or null if {@code file} is no committed part file.
   */
  static PartOrder partOrder(Path file) {
    Matcher matcher = ANY_PART.matcher(file.getFileName().toString());
    if (!matcher.matches()) {
      return null;
    }
    long sequence = matcher.group(2) == null ? -1 : Long.parseLong(matcher.group(2));
    return new PartOrder(Integer.parseInt(matcher.group(1)), sequence);
  }

  /** The position of a part file in the output. */
  record PartOrder(int subtask, long sequence) implements Comparable<PartOrder> {
    @Override
    public int compareTo(PartOrder other) {
      int bySubtask = Integer.compare(subtask, other.subtask);
      return bySubtask != 0 ? bySubtask : Long.compare(sequence, other.sequence);
    }
  }

  private static int delete(Path directory, String prefix) throws IOException {
    int deleted = 0;
    DirectoryStream.Filter<Path> leftover =
        file -> {
          String name = file.getFileName().toString();
          return name.startsWith(prefix) && name.endsWith(".inprogress");
        };
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, leftover)) {
      for (Path file : files) {
        if (Files.deleteIfExists(file)) {
          deleted++;
        }
      }
    }
    return deleted;
  }
}
