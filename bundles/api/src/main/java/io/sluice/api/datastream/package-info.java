/** DataStream, KeyedStream and friends: the fluent API that builds a job's dataflow. */
@Export
@Version("1.0.0")
package io.sluice.api.datastream;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
