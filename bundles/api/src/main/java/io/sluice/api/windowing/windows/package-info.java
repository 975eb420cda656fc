/**
 * The windows elements are grouped into: {@link io.sluice.api.windowing.windows.TimeWindow} (an
 * interval of event or processing time) and {@link io.sluice.api.windowing.windows.GlobalWindow}
 * (one window for all elements of a key).
 */
@Export
@Version("1.0.0")
package io.sluice.api.windowing.windows;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
