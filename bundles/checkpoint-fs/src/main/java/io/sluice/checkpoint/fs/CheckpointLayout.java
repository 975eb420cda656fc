package io.sluice.checkpoint.fs;

import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Where things live under the storage directory: {@code <root>/<jobId>/chk-<id>/} holding piece
 * files and {@code _metadata}, and {@code <root>/<jobId>/shared/} holding pieces that several
 * checkpoints reference. Locations in handles are paths relative to the root with {@code /}
 * separators, so a moved directory stays readable. Immutable.
 */
record CheckpointLayout(Path root) {
  static final String METADATA = "_metadata";
  static final String METADATA_TMP = "_metadata.tmp";
  static final String SHARED = "shared";
  private static final String PREFIX = "chk-";
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  CheckpointLayout {
    root = root.toAbsolutePath().normalize();
  }

  Path jobDir(String jobId) {
    return root.resolve(checkName("job id", jobId));
  }

  Path checkpointDir(String jobId, long checkpointId) {
    if (checkpointId < 0) {
      throw new IllegalArgumentException("negative checkpoint id " + checkpointId);
    }
    return jobDir(jobId).resolve(PREFIX + checkpointId);
  }

  /** Where the pieces shared by several checkpoints of a job live. */
  Path sharedDir(String jobId) {
    return jobDir(jobId).resolve(SHARED);
  }

  Path sharedFile(String jobId, String pieceName) {
    return sharedDir(jobId).resolve(checkName("piece name", pieceName));
  }

  Path metadataFile(String jobId, long checkpointId) {
    return checkpointDir(jobId, checkpointId).resolve(METADATA);
  }

  Path pieceFile(String jobId, long checkpointId, String pieceName) {
    return checkpointDir(jobId, checkpointId).resolve(checkName("piece name", pieceName));
  }

  /** The location recorded in handles for a file under the root. */
  String location(Path file) {
    return root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
  }

  /** The file a location names, refusing any that would leave the root. */
  Path resolve(String location) {
    Path file = root.resolve(location).normalize();
    if (!file.startsWith(root) || file.equals(root)) {
      throw new IllegalArgumentException(
          "location " + location + " lies outside the checkpoint directory " + root);
    }
    return file;
  }

  /** The checkpoint id a directory name like {@code chk-42} stands for, if it is one. */
  static OptionalLong checkpointId(String directoryName) {
    if (!directoryName.startsWith(PREFIX)) {
      return OptionalLong.empty();
    }
    String digits = directoryName.substring(PREFIX.length());
    if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(Character::isDigit)) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(Long.parseLong(digits));
  }

  private static String checkName(String what, String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "invalid "
              + what
              + " '"
              + name
              + "': use letters, digits, '.', '_' and '-', starting with a letter or digit");
    }
    return name;
  }
}
