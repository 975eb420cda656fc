/**
 * Runtime code specialization without writing bytecode: hidden copies of template classes, so that
 * each copy's call sites are profiled and inlined on their own by the JIT.
 */
@Export
@Version("1.0.0")
package io.sluice.spi.codegen;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
