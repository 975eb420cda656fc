/**
 * The file-system checkpoint storage: one directory per checkpoint, CRC-32C checksummed pieces and
 * metadata committed by an atomic rename. Private to the bundle; the runtime reaches it only
 * through the {@code CheckpointStorage} service.
 */
package io.sluice.checkpoint.fs;
