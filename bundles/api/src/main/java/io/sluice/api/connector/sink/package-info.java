/** The Sink interface connectors implement: parallel writers and an optional committer. */
@Export
@Version("1.0.0")
package io.sluice.api.connector.sink;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
