/**
 * How the launcher controls jobs inside the framework. Exported by the system bundle (the
 * launcher's class path) and implemented by the runtime bundle as an OSGi service.
 */
@Export
@Version("1.1.0")
package io.sluice.platform;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
