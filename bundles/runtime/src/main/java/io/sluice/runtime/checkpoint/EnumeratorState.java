package io.sluice.runtime.checkpoint;

/** A split enumerator's checkpointed state, as its serializer wrote it. */
public record EnumeratorState(int version, byte[] bytes) {}
