/**
 * User function interfaces: map, flatMap, filter, reduce, aggregate, key selectors and process
 * functions.
 */
@Export
@Version("1.1.0")
package io.sluice.api.functions;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
