/** Metric reporter SPI, implemented by reporter bundles. */
@Export
@Version("1.0.0")
package io.sluice.spi.metrics;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
