/** Timestamps and watermarks. */
@Export
@Version("1.0.0")
package io.sluice.api.eventtime;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
