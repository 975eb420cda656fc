package io.sluice.runtime.osgi;

import io.sluice.platform.JobControl;
import org.osgi.framework.Bundle;

/** Reads what makes a bundle a job bundle. */
final class JobBundles {
  private JobBundles() {}

  /** The job class named in the manifest, or null for an ordinary bundle. */
  static String jobClassName(Bundle bundle) {
    String value = bundle.getHeaders("").get(JobControl.JOB_HEADER);
    return value == null || value.isBlank() ? null : value.trim();
  }

  static String describe(Bundle bundle) {
    return bundle.getSymbolicName()
        + " "
        + bundle.getVersion()
        + " (bundle "
        + bundle.getBundleId()
        + ")";
  }
}
