/**
 * Evictors remove elements from a window before or after its function runs: keep the last N
 * elements, or the elements of the last period.
 */
@Export
@Version("1.0.0")
package io.sluice.api.windowing.evictors;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
