/**
 * Building blocks for sources whose splits are known up front: a static enumerator and a
 * split-queue reader.
 */
@Export
@Version("1.1.0")
package io.sluice.api.connector.source.util;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
