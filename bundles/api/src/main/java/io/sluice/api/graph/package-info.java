/**
 * The transformation graph the API builds and the runtime compiles; of interest to runtimes, not
 * job authors.
 */
@Export
@Version("1.0.0")
package io.sluice.api.graph;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
