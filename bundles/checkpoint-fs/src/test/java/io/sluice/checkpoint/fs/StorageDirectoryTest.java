package io.sluice.checkpoint.fs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StorageDirectoryTest {
  @TempDir Path home;

  @Test
  void defaultIsTheDataFolderOfTheDistribution() {
    assertThat(StorageDirectory.resolve("", home.toString()))
        .isEqualTo(home.resolve("data").resolve("checkpoints"));
  }

  @Test
  void withoutSluiceHomeTheDefaultIsUnderTheWorkingDirectory() {
    Path workingDirectory = Path.of(System.getProperty("user.dir"));

    assertThat(StorageDirectory.resolve(null, null))
        .isEqualTo(workingDirectory.resolve("data").resolve("checkpoints"));
  }

  @Test
  void relativeConfiguredDirectoryIsResolvedAgainstSluiceHome() {
    assertThat(StorageDirectory.resolve("state/chk", home.toString()))
        .isEqualTo(home.resolve("state").resolve("chk"));
  }

  @Test
  void absoluteConfiguredDirectoryIsUsedAsIs() {
    Path elsewhere = home.resolve("elsewhere").toAbsolutePath();

    assertThat(StorageDirectory.resolve(elsewhere.toString(), "/opt/sluice")).isEqualTo(elsewhere);
  }
}
