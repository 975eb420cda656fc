/**
 * Keyed state handles and their descriptors, as job authors use them, and the time-to-live of state
 * ({@link io.sluice.api.state.StateTtlConfig}).
 *
 * <p>The handle interfaces and {@link io.sluice.api.state.KeyedStateStore} are provider types:
 * state backends and the runtime implement them, jobs only call them, so adding a method is a minor
 * change.
 */
@Export
@Version("1.2.0")
package io.sluice.api.state;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
