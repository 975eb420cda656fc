package io.sluice.runtime.osgi;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.runtime.osgi.ServiceChoice.Candidate;
import org.junit.jupiter.api.Test;

class ServiceChoiceTest {
  private final ServiceChoice<String> choice = new ServiceChoice<>();

  /** Adds a service whose object is the text {@code name#id}, and returns that object. */
  private String add(String name, int ranking, long id) {
    String service = name + "#" + id;
    choice.add(new Candidate<>(name, ranking, id, service));
    return service;
  }

  @Test
  void nothingRegisteredSelectsNothing() {
    assertThat(choice.select("heap")).isEmpty();
    assertThat(choice.select(null)).isEmpty();
    assertThat(choice.names()).isEmpty();
  }

  @Test
  void theConfiguredNameWinsOverAHigherRanking() {
    add("heap", 0, 10);
    add("rocksdb", 100, 11);

    assertThat(choice.select("heap").orElseThrow().service()).isEqualTo("heap#10");
    assertThat(choice.select(" rocksdb ").orElseThrow().service()).isEqualTo("rocksdb#11");
  }

  @Test
  void withoutAUsableNameTheHighestRankingWinsAndTiesGoToTheOldestService() {
    add("heap", 0, 12);
    add("rocksdb", 0, 11);
    assertThat(choice.select(null).orElseThrow().name()).isEqualTo("rocksdb");
    assertThat(choice.select("").orElseThrow().name()).isEqualTo("rocksdb");
    assertThat(choice.select("memory").orElseThrow().name()).isEqualTo("rocksdb");

    add("heap", 5, 12); // re-registered with a higher ranking replaces the old entry
    assertThat(choice.select("memory").orElseThrow().name()).isEqualTo("heap");
    assertThat(choice.names()).containsExactly("heap", "rocksdb");
  }

  @Test
  void twoServicesOfOneNameGiveTheBestRankedOfThem() {
    add("rocksdb", 1, 20);
    add("rocksdb", 7, 21);
    add("heap", 9, 22);

    assertThat(choice.select("rocksdb").orElseThrow().service()).isEqualTo("rocksdb#21");
    assertThat(choice.names()).containsExactly("heap", "rocksdb");
  }

  @Test
  void removingTheSelectedServiceFallsBackAndContainsTracksIdentity() {
    String heap = add("heap", 0, 1);
    String rocksdb = add("rocksdb", 0, 2);
    assertThat(choice.select("rocksdb").orElseThrow().name()).isEqualTo("rocksdb");

    assertThat(choice.remove(rocksdb)).isTrue();
    assertThat(choice.remove(rocksdb)).isFalse();
    assertThat(choice.contains(rocksdb)).isFalse();
    assertThat(choice.contains(new String(heap))).isFalse(); // another object, equal text
    assertThat(choice.contains(heap)).isTrue();
    assertThat(choice.select("rocksdb").orElseThrow().name()).isEqualTo("heap");
  }
}
