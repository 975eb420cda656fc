/** Keyed state handles and their descriptors, as job authors use them. */
@Export
@Version("1.0.0")
package io.sluice.api.state;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
