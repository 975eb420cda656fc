package io.sluice.runtime.checkpoint;

/** Names one subtask of one task (job vertex) for acknowledgements. */
public record TaskKey(int vertexId, int subtask) {}
