package io.sluice.launcher.feature;

import java.util.List;

/**
 * What executing a {@link FeaturePlan} did.
 *
 * @param plan the executed plan (or, for a dry run, the plan that would be executed)
 * @param dryRun true if nothing was changed
 * @param problems one line per step that failed (e.g. a bundle that did not resolve)
 */
public record FeatureResult(FeaturePlan plan, boolean dryRun, List<String> problems) {

  public FeatureResult {
    problems = List.copyOf(problems);
  }

  public boolean succeeded() {
    return problems.isEmpty();
  }
}
