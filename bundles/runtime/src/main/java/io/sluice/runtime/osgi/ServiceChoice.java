package io.sluice.runtime.osgi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The registered services of one plug-in kind (state backends, checkpoint storages) and the rule
 * that picks the one the runtime uses: the configured name if a service of that name is registered,
 * otherwise the highest {@code service.ranking}; ties go to the lowest {@code service.id} (the
 * longest registered), as in {@code ServiceReference.compareTo}.
 *
 * <p>Not thread-safe: {@link PluginRegistry} confines it under its lock.
 *
 * @param <S> the service type
 */
final class ServiceChoice<S> {

  /** One registered service with the properties selection looks at. */
  record Candidate<S>(String name, int ranking, long serviceId, S service) {}

  private static final Comparator<Candidate<?>> BEST_FIRST =
      Comparator.<Candidate<?>>comparingInt(Candidate::ranking)
          .reversed()
          .thenComparingLong(Candidate::serviceId);

  private final List<Candidate<S>> candidates = new ArrayList<>();

  void add(Candidate<S> candidate) {
    remove(candidate.service());
    candidates.add(candidate);
  }

  /** Removes the service; false if it was not there. */
  boolean remove(S service) {
    return candidates.removeIf(c -> c.service() == service);
  }

  /** True while this very service object is registered (a re-registered one is another). */
  boolean contains(S service) {
    return service != null && candidates.stream().anyMatch(c -> c.service() == service);
  }

  /**
   * The service to use: the best one named {@code configured} if there is one, else the best one
   * overall; empty when none is registered.
   */
  Optional<Candidate<S>> select(String configured) {
    if (configured != null && !configured.isBlank()) {
      Optional<Candidate<S>> named = named(configured.trim());
      if (named.isPresent()) {
        return named;
      }
    }
    return candidates.stream().min(BEST_FIRST);
  }

  /** The best registered service with this name. */
  Optional<Candidate<S>> named(String name) {
    return candidates.stream().filter(c -> c.name().equals(name)).min(BEST_FIRST);
  }

  /** The distinct names of the registered services, sorted. */
  List<String> names() {
    return candidates.stream().map(Candidate::name).distinct().sorted().toList();
  }
}
