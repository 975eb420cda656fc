/**
 * Serializers for record types, derived from Java types when the job is built (never Java
 * serialization).
 */
@Export
@Version("1.1.0")
package io.sluice.api.typeutils;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
