/**
 * Triggers decide when a window emits its result and when its contents are purged; the built-in
 * ones and the base class for custom triggers.
 */
@Export
@Version("1.0.0")
package io.sluice.api.windowing.triggers;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
