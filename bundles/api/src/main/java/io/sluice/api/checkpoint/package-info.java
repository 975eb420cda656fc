/**
 * Checkpointing as job authors configure and use it: the checkpointing mode and settings, restart
 * strategies, and the interfaces a function implements to keep non-keyed state ({@link
 * io.sluice.api.checkpoint.CheckpointedFunction}) or to act when a checkpoint completes ({@link
 * io.sluice.api.checkpoint.CheckpointListener}).
 */
@Export
@Version("1.0.0")
package io.sluice.api.checkpoint;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
