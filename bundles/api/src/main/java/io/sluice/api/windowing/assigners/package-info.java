/**
 * Window assigners: which windows an element belongs to (tumbling, sliding, session, global), and
 * whether windows merge.
 */
@Export
@Version("1.0.0")
package io.sluice.api.windowing.assigners;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
