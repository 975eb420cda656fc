/**
 * The Sink interface connectors implement: parallel writers, optionally with state kept in
 * checkpoints, and an optional committer that makes their output visible once a checkpoint is
 * complete.
 */
@Export
@Version("1.1.0")
package io.sluice.api.connector.sink;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
