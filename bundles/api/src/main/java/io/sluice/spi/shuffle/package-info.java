/**
 * Shuffle SPI: result partitions, input gates and network buffers, implemented by shuffle bundles
 * (local, Netty).
 */
@Export
@Version("1.0.0")
package io.sluice.spi.shuffle;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
