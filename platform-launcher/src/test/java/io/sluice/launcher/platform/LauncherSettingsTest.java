package io.sluice.launcher.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class LauncherSettingsTest {

  @Test
  void defaultsInstallCoreAndServeOn8081() {
    LauncherSettings settings = LauncherSettings.defaults();

    assertThat(settings.features()).containsExactly("core");
    assertThat(settings.restPort()).isEqualTo(8081);
    assertThat(settings.serviceTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(settings.frameworkProperties()).isEmpty();
  }

  @Test
  void featureListIsTrimmedAndFrameworkKeysPassThrough() {
    Properties p = new Properties();
    p.setProperty("features", " core , kafka ,");
    p.setProperty("rest.port", "0");
    p.setProperty("felix.fileinstall.poll", "2000");
    p.setProperty("org.osgi.framework.bootdelegation", "sun.*");
    p.setProperty("other", "ignored");

    LauncherSettings settings = LauncherSettings.from(p, "test");

    assertThat(settings.features()).isEqualTo(List.of("core", "kafka"));
    assertThat(settings.restPort()).isZero();
    assertThat(settings.frameworkProperties())
        .isEqualTo(
            Map.of("felix.fileinstall.poll", "2000", "org.osgi.framework.bootdelegation", "sun.*"));
  }

  @Test
  void badPortIsAnErrorNamingFileAndKey() {
    Properties p = new Properties();
    p.setProperty("rest.port", "http");

    assertThatThrownBy(() -> LauncherSettings.from(p, "conf/sluice.properties"))
        .hasMessage("conf/sluice.properties: rest.port must be an integer, not 'http'");
  }
}
