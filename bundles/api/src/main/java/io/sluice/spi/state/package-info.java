/**
 * State backend SPI: keyed state partitioned by key groups, implemented by state bundles (heap,
 * RocksDB).
 */
@Export
@Version("1.2.0")
package io.sluice.spi.state;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
