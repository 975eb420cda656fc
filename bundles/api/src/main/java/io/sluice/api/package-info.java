/**
 * The entry points of a Sluice job: {@link io.sluice.api.Job} and {@link
 * io.sluice.api.StreamEnvironment}.
 */
@Export
@Version("1.0.0")
package io.sluice.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
