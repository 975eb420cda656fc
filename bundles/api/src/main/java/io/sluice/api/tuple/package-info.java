/**
 * Small mutable tuples ({@link io.sluice.api.tuple.Tuple2} .. {@link io.sluice.api.tuple.Tuple5})
 * for records that do not deserve a class of their own, such as {@code (word, count)}.
 */
@Export
@Version("1.0.0")
package io.sluice.api.tuple;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
