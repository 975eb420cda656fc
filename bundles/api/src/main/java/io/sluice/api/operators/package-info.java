/**
 * Stream operators: what runs a user function inside a task. The runtime and operator test
 * harnesses use these.
 */
@Export
@Version("1.2.0")
package io.sluice.api.operators;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
