/**
 * Windows over streams: state that windows share with triggers and window functions ({@link
 * io.sluice.api.windowing.WindowStateStore}); the sub-packages hold windows, assigners, triggers,
 * evictors, window functions and the window operator.
 */
@Export
@Version("1.0.0")
package io.sluice.api.windowing;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
