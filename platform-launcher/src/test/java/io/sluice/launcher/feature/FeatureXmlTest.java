package io.sluice.launcher.feature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeatureXmlTest {

  private static List<Feature> parse(String xml) {
    return FeatureXml.read(
        new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "test.xml");
  }

  @Test
  void featureWithRequirementsBundlesAndConfigIsReadInDocumentOrder() {
    List<Feature> features =
        parse(
            """
            <feature name="kafka" description=" Kafka connector ">
              <feature>core</feature>
              <bundle start-level="3">a.jar</bundle>
              <bundle>b.jar</bundle>
              <config pid="io.sluice.kafka">
                bootstrap.servers = localhost:9092
                acks=all
              </config>
            </feature>
            """);

    assertThat(features).hasSize(1);
    Feature kafka = features.get(0);
    assertThat(kafka.name()).isEqualTo("kafka");
    assertThat(kafka.description()).isEqualTo("Kafka connector");
    assertThat(kafka.requires()).containsExactly("core");
    assertThat(kafka.bundles())
        .containsExactly(
            new FeatureBundle("a.jar", 3),
            new FeatureBundle("b.jar", FeatureBundle.DEFAULT_START_LEVEL));
    assertThat(kafka.configs())
        .containsExactly(
            new FeatureConfig(
                "io.sluice.kafka", Map.of("bootstrap.servers", "localhost:9092", "acks", "all")));
    assertThat(kafka.source()).isEqualTo("test.xml");
  }

  @Test
  void featuresRootHoldsSeveralFeatures() {
    List<Feature> features =
        parse(
            "<features><feature name='a'/><feature name='b'><feature>a</feature></feature></features>");

    assertThat(features).extracting(Feature::name).containsExactly("a", "b");
    assertThat(features.get(1).requires()).containsExactly("a");
  }

  @Test
  void featureWithoutNameIsAnErrorNamingTheFile() {
    assertThatThrownBy(() -> parse("<feature><bundle>a.jar</bundle></feature>"))
        .isInstanceOf(FeatureException.class)
        .hasMessage("test.xml: a <feature> has no name attribute");
  }

  @Test
  void nonNumericOrZeroStartLevelIsAnError() {
    assertThatThrownBy(
            () -> parse("<feature name='x'><bundle start-level='soon'>a.jar</bundle></feature>"))
        .isInstanceOf(FeatureException.class)
        .hasMessageContaining("feature 'x'")
        .hasMessageContaining("start-level of a.jar must be a positive integer, not 'soon'");
    assertThatThrownBy(
            () -> parse("<feature name='x'><bundle start-level='0'>a.jar</bundle></feature>"))
        .hasMessageContaining("not '0'");
  }

  @Test
  void unknownElementIsAnErrorListingTheExpectedOnes() {
    assertThatThrownBy(() -> parse("<feature name='x'><bundel>a.jar</bundel></feature>"))
        .isInstanceOf(FeatureException.class)
        .hasMessage(
            "test.xml: feature 'x': unknown element <bundel>; expected <feature>, <bundle> or <config>");
  }

  @Test
  void wrongRootAndEmptyBundleAndMalformedXmlAreErrors() {
    assertThatThrownBy(() -> parse("<bundles/>"))
        .hasMessageContaining("root element must be <feature> or <features>");
    assertThatThrownBy(() -> parse("<feature name='x'><bundle> </bundle></feature>"))
        .hasMessageContaining("<bundle> must not be empty");
    assertThatThrownBy(() -> parse("<feature name='x'>"))
        .isInstanceOf(FeatureException.class)
        .hasMessageStartingWith("test.xml: not well-formed XML");
  }

  @Test
  void doctypeIsRefusedSoNoExternalEntityIsEverRead() {
    String xml =
        "<!DOCTYPE feature [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><feature name='a'>&x;</feature>";

    assertThatThrownBy(() -> parse(xml))
        .isInstanceOf(FeatureException.class)
        .hasMessageContaining("DOCTYPE");
  }

  @Test
  void repositoryCoreFeatureHoldsTheBundlesTheEmbeddedRuntimeNeeds() {
    Path core = Path.of(System.getProperty("sluice.test.features", "../features"), "core.xml");

    List<Feature> features = FeatureXml.read(core);

    assertThat(features).extracting(Feature::name).containsExactly("core");
    assertThat(features.get(0).bundles())
        .extracting(FeatureBundle::file)
        .containsExactly(
            "org.osgi.util.function.jar",
            "org.osgi.util.promise.jar",
            "org.osgi.service.component.jar",
            "org.apache.felix.scr.jar",
            "org.apache.felix.configadmin.jar",
            "org.apache.felix.fileinstall.jar",
            "sluice-api.jar",
            "sluice-shuffle-local.jar",
            "sluice-state-heap.jar",
            "sluice-checkpoint-fs.jar",
            "sluice-runtime.jar");
  }
}
