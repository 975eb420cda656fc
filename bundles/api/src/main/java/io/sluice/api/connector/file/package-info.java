/** Text file source and sink built on the Source and Sink interfaces. */
@Export
@Version("1.1.0")
package io.sluice.api.connector.file;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
