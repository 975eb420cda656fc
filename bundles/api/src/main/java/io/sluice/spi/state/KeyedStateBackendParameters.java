package io.sluice.spi.state;

import io.sluice.api.typeutils.TypeSerializer;
import java.util.Objects;

/**
 * What a backend needs to create the keyed state of one operator subtask.
 *
 * @param jobId the job, for error messages and storage paths
 * @param operatorId the stable id of the operator (its uid, or a generated one)
 * @param subtaskIndex the subtask, from 0
 * @param keySerializer serializer of the keys (backends that store bytes use it; heap ignores it)
 * @param keyGroupRange the key groups this subtask owns
 * @param maxParallelism the number of key groups in the job
 */
public record KeyedStateBackendParameters<K>(
    String jobId,
    String operatorId,
    int subtaskIndex,
    TypeSerializer<K> keySerializer,
    KeyGroupRange keyGroupRange,
    int maxParallelism) {

  public KeyedStateBackendParameters {
    Objects.requireNonNull(jobId, "jobId");
    Objects.requireNonNull(operatorId, "operatorId");
    Objects.requireNonNull(keySerializer, "keySerializer");
    Objects.requireNonNull(keyGroupRange, "keyGroupRange");
    if (maxParallelism <= 0) {
      throw new IllegalArgumentException("maxParallelism must be positive: " + maxParallelism);
    }
  }
}
