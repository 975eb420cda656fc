package io.sluice.launcher.feature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureRepositoryTest {

  private static Feature feature(String name, List<String> requires, String... bundles) {
    return new Feature(
        name,
        "",
        requires,
        Arrays.stream(bundles).map(b -> new FeatureBundle(b, 5)).toList(),
        List.of(),
        name + ".xml");
  }

  private static final FeatureRepository DIAMOND =
      new FeatureRepository(
          List.of(
              feature("app", List.of("left", "right"), "app.jar"),
              feature("left", List.of("base"), "left.jar", "shared.jar"),
              feature("right", List.of("base"), "right.jar", "shared.jar"),
              feature("base", List.of(), "base.jar")));

  @Test
  void closurePutsEveryRequiredFeatureOnceBeforeTheFeaturesNeedingIt() {
    assertThat(DIAMOND.closure("app"))
        .extracting(Feature::name)
        .containsExactly("base", "left", "right", "app");
  }

  @Test
  void bundlesOfAClosureAppearOnceInInstallOrder() {
    assertThat(DIAMOND.bundles(List.of("app")))
        .extracting(FeatureBundle::file)
        .containsExactly("base.jar", "left.jar", "shared.jar", "right.jar", "app.jar");
  }

  @Test
  void unknownFeatureIsAnErrorListingTheKnownOnes() {
    assertThatThrownBy(() -> DIAMOND.closure("kafka"))
        .isInstanceOf(FeatureException.class)
        .hasMessage("unknown feature 'kafka'; known features: app, base, left, right");
  }

  @Test
  void unknownRequirementNamesTheFeatureThatRequiresIt() {
    FeatureRepository repository = new FeatureRepository(List.of(feature("a", List.of("ghost"))));

    assertThatThrownBy(() -> repository.closure("a"))
        .isInstanceOf(FeatureException.class)
        .hasMessage("unknown feature 'ghost' (required by feature 'a'); known features: a");
  }

  @Test
  void cycleIsAnErrorShowingThePath() {
    FeatureRepository repository =
        new FeatureRepository(
            List.of(
                feature("top", List.of("a")),
                feature("a", List.of("b")),
                feature("b", List.of("c")),
                feature("c", List.of("a"))));

    assertThatThrownBy(() -> repository.closure("top"))
        .isInstanceOf(FeatureException.class)
        .hasMessage("features form a cycle: a -> b -> c -> a");
  }

  @Test
  void featureRequiringItselfIsACycle() {
    FeatureRepository repository = new FeatureRepository(List.of(feature("self", List.of("self"))));

    assertThatThrownBy(() -> repository.closure("self"))
        .hasMessage("features form a cycle: self -> self");
  }

  @Test
  void sameNameInTwoFilesIsAnErrorNamingBoth() {
    assertThatThrownBy(
            () ->
                new FeatureRepository(
                    List.of(
                        feature("x", List.of()),
                        new Feature("x", "", List.of(), List.of(), List.of(), "other.xml"))))
        .isInstanceOf(FeatureException.class)
        .hasMessage("feature 'x' is defined twice: in x.xml and in other.xml");
  }
}
