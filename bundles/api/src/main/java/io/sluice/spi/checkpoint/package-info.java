/** Checkpoint storage SPI, implemented by checkpoint storage bundles. */
@Export
@Version("1.2.0")
package io.sluice.spi.checkpoint;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
