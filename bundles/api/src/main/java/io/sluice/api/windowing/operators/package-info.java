/**
 * The operator that runs keyed windows: assigns elements to windows, keeps their contents in keyed
 * state, registers window timers, merges sessions, handles lateness and fires window functions.
 */
@Export
@Version("1.0.0")
package io.sluice.api.windowing.operators;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
