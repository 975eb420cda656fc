/**
 * The heap state backend: keyed state kept as plain Java objects in per-key-group hash tables.
 * Private to the bundle; the runtime reaches it only through the {@code StateBackend} service.
 */
package io.sluice.state.heap;
