package io.sluice.runtime.execution;

import java.util.Objects;

/**
 * Where a job starts from: a savepoint or retained checkpoint ({@code --from-savepoint PATH}), and
 * whether state of operators that no longer exist may be dropped ({@code
 * --allow-non-restored-state}).
 *
 * @param path the savepoint's folder as printed when it was taken, or null to start empty
 */
public record RestoreSettings(String path, boolean allowNonRestoredState) {
  public static final RestoreSettings NONE = new RestoreSettings(null, false);

  public static RestoreSettings fromSavepoint(String path, boolean allowNonRestoredState) {
    return new RestoreSettings(Objects.requireNonNull(path, "path"), allowNonRestoredState);
  }

  public boolean isRestore() {
    return path != null;
  }
}
