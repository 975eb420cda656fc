package io.sluice.testkit.harness;

import io.sluice.api.typeutils.TypeSerializer;
import io.sluice.spi.state.KeyedStateBackend;

/**
 * The keyed state of a keyed harness: the backend and the serializer of its keys (which timer
 * snapshots need as well).
 */
record HarnessKeyedState(KeyedStateBackend<Object> backend, TypeSerializer<Object> keySerializer) {}
