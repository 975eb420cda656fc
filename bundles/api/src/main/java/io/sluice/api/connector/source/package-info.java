/** The Source interface connectors implement: splits, a split enumerator and parallel readers. */
@Export
@Version("1.1.0")
package io.sluice.api.connector.source;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
