/**
 * Asynchronous I/O: call an external service for each element without blocking the task, with at
 * most a fixed number of requests in flight, results in input order or as they complete, and a
 * timeout per request. Start at {@link io.sluice.api.async.AsyncDataStream}.
 */
@Export
@Version("1.0.0")
package io.sluice.api.async;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
