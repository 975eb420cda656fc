package io.sluice.launcher.feature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The known features by name, and their closures: a feature together with every feature it needs,
 * needed ones first. Immutable and thread-safe.
 */
public final class FeatureRepository {

  private final Map<String, Feature> features;

  public FeatureRepository(Collection<Feature> features) {
    Map<String, Feature> byName = new TreeMap<>();
    for (Feature feature : features) {
      Feature previous = byName.putIfAbsent(feature.name(), feature);
      if (previous != null) {
        throw new FeatureException(
            "feature '"
                + feature.name()
                + "' is defined twice: in "
                + previous.source()
                + " and in "
                + feature.source());
      }
    }
    this.features = byName;
  }

  /** Reads every {@code *.xml} file of a folder. */
  public static FeatureRepository load(Path folder) {
    if (!Files.isDirectory(folder)) {
      throw new FeatureException("feature folder " + folder + " does not exist");
    }
    List<Feature> all = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      files
          .filter(f -> f.getFileName().toString().endsWith(".xml"))
          .sorted()
          .forEach(f -> all.addAll(FeatureXml.read(f)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list feature folder " + folder, e);
    }
    return new FeatureRepository(all);
  }

  /** Every feature, sorted by name. */
  public List<Feature> all() {
    return List.copyOf(features.values());
  }

  public Optional<Feature> find(String name) {
    return Optional.ofNullable(features.get(name));
  }

  /** The feature of this name, or an error that lists the known ones. */
  public Feature get(String name) {
    Feature feature = features.get(name);
    if (feature == null) {
      throw unknown(name, null);
    }
    return feature;
  }

  /**
   * The features {@code names} need, each once, in install order: a feature comes after every
   * feature it requires.
   *
   * @throws FeatureException on an unknown name or a cycle, naming the path that leads to it
   */
  public List<Feature> closure(Collection<String> names) {
    Set<String> done = new LinkedHashSet<>();
    Deque<String> path = new ArrayDeque<>();
    for (String name : names) {
      visit(name, null, path, done);
    }
    return done.stream().map(features::get).toList();
  }

  public List<Feature> closure(String name) {
    return closure(List.of(name));
  }

  /** The bundles of {@link #closure(Collection)}, each file once, in install order. */
  public List<FeatureBundle> bundles(Collection<String> names) {
    Map<String, FeatureBundle> byFile = new LinkedHashMap<>();
    for (Feature feature : closure(names)) {
      for (FeatureBundle bundle : feature.bundles()) {
        byFile.putIfAbsent(bundle.file(), bundle);
      }
    }
    return List.copyOf(byFile.values());
  }

  private void visit(String name, String requiredBy, Deque<String> path, Set<String> done) {
    if (done.contains(name)) {
      return;
    }
    if (path.contains(name)) {
      List<String> cycle = new ArrayList<>();
      path.descendingIterator().forEachRemaining(cycle::add);
      cycle = cycle.subList(cycle.indexOf(name), cycle.size());
      throw new FeatureException(
          "features form a cycle: " + String.join(" -> ", cycle) + " -> " + name);
    }
    Feature feature = features.get(name);
    if (feature == null) {
      throw unknown(name, requiredBy);
    }
    path.push(name);
    for (String required : feature.requires()) {
      visit(required, name, path, done);
    }
    path.pop();
    done.add(name);
  }

  private FeatureException unknown(String name, String requiredBy) {
    String by = requiredBy == null ? "" : " (required by feature '" + requiredBy + "')";
    String known = features.isEmpty() ? "none" : String.join(", ", features.keySet());
    return new FeatureException(
        "unknown feature '" + name + "'" + by + "; known features: " + known);
  }
}
