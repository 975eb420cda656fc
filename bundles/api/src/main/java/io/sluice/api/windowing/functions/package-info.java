/**
 * Functions over the contents of windows: process functions that see the window and its elements,
 * and the join and coGroup functions of window joins.
 */
@Export
@Version("1.0.0")
package io.sluice.api.windowing.functions;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
