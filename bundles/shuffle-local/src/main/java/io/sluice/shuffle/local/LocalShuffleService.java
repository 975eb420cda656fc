package io.sluice.shuffle.local;

import io.sluice.spi.shuffle.InputGate;
import io.sluice.spi.shuffle.InputGateDescriptor;
import io.sluice.spi.shuffle.ResultPartitionDescriptor;
import io.sluice.spi.shuffle.ResultPartitionId;
import io.sluice.spi.shuffle.ResultPartitionWriter;
import io.sluice.spi.shuffle.ShuffleException;
import io.sluice.spi.shuffle.ShuffleService;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * The shuffle for subtasks of one JVM: producers and consumers exchange pooled buffers through
 * in-memory queues, with no copy and no serialization beyond what the runtime's record writer
 * already did.
 *
 * <pre>{@code
 * ShuffleService shuffle = new LocalShuffleService();
 * ResultPartitionWriter out = shuffle.createResultPartition(partitionDescriptor);
 * InputGate in = shuffle.createInputGate(gateDescriptor); // after every partition it reads
 * ...
 * shuffle.releaseJob(jobId);
 * }</pre>
 *
 * <p>Registered by Declarative Services under {@code sluice.shuffle.service=local}; plain {@code
 * new} works in tests. Thread-safe: partitions and gates of different jobs are created and released
 * concurrently.
 */
@Component(service = ShuffleService.class, property = ShuffleService.NAME_PROPERTY + "=local")
public final class LocalShuffleService implements ShuffleService {

  /** The name users select this shuffle by. */
  public static final String NAME = "local";

  private final ConcurrentHashMap<ResultPartitionId, LocalResultPartition> partitions =
      new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Set<LocalInputGate>> gatesByJob =
      new ConcurrentHashMap<>();

  /** Used by Declarative Services and by tests. */
  public LocalShuffleService() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ResultPartitionWriter createResultPartition(ResultPartitionDescriptor descriptor) {
    LocalResultPartition partition =
        new LocalResultPartition(descriptor, p -> partitions.remove(p.id(), p));
    LocalResultPartition existing = partitions.putIfAbsent(partition.id(), partition);
    if (existing != null) {
      throw new ShuffleException(
          "Result partition "
              + existing.describe()
              + " already exists; release the job before deploying it again");
    }
    return partition;
  }

  @Override
  public InputGate createInputGate(InputGateDescriptor descriptor) {
    List<ResultPartitionId> ids = descriptor.consumedPartitions();
    LocalResultPartition[] consumed = new LocalResultPartition[ids.size()];
    for (int i = 0; i < consumed.length; i++) {
      ResultPartitionId id = ids.get(i);
      if (!id.jobId().equals(descriptor.jobId())) {
        throw new ShuffleException(
            "Input gate of "
                + descriptor.ownerName()
                + " in job "
                + descriptor.jobId()
                + " cannot read partition "
                + id
                + " of another job");
      }
      LocalResultPartition partition = partitions.get(id);
      if (partition == null) {
        throw new ShuffleException(
            "Input gate of "
                + descriptor.ownerName()
                + " reads unknown result partition "
                + id
                + " (channel "
                + i
                + "); every partition of a job must be created before the gates that read it,"
                + " and it must not have been released");
      }
      int subpartition = descriptor.subpartitionIndex();
      if (subpartition < 0 || subpartition >= partition.numberOfSubpartitions()) {
        throw new ShuffleException(
            "Input gate of "
                + descriptor.ownerName()
                + " reads subpartition "
                + subpartition
                + " of result partition "
                + partition.describe()
                + ", which has only "
                + partition.numberOfSubpartitions()
                + " subpartitions");
      }
      consumed[i] = partition;
    }
    Set<LocalInputGate> gates =
        gatesByJob.computeIfAbsent(descriptor.jobId(), job -> ConcurrentHashMap.newKeySet());
    LocalInputGate gate =
        new LocalInputGate(
            descriptor.jobId(),
            descriptor.ownerName(),
            consumed,
            descriptor.subpartitionIndex(),
            this::gateClosed);
    gates.add(gate);
    return gate;
  }

  private void gateClosed(LocalInputGate gate) {
    Set<LocalInputGate> gates = gatesByJob.get(gate.jobId());
    if (gates != null) {
      gates.remove(gate);
    }
  }

  @Override
  public void releaseJob(String jobId) {
    Set<LocalInputGate> gates = gatesByJob.remove(jobId);
    if (gates != null) {
      for (LocalInputGate gate : List.copyOf(gates)) {
        gate.close();
      }
    }
    List<LocalResultPartition> ofJob = new ArrayList<>();
    for (LocalResultPartition partition : partitions.values()) {
      if (partition.id().jobId().equals(jobId)) {
        ofJob.add(partition);
      }
    }
    for (LocalResultPartition partition : ofJob) {
      partition.release();
    }
  }

  /** Number of partitions and gates still held for {@code jobId}; for tests and metrics. */
  int resourcesHeld(String jobId) {
    int count = 0;
    for (ResultPartitionId id : partitions.keySet()) {
      if (id.jobId().equals(jobId)) {
        count++;
      }
    }
    Set<LocalInputGate> gates = gatesByJob.get(jobId);
    return gates == null ? count : count + gates.size();
  }

  /** Releases everything when the bundle stops, so blocked producers and consumers wake up. */
  @Deactivate
  void deactivate() {
    for (String jobId : List.copyOf(gatesByJob.keySet())) {
      releaseJob(jobId);
    }
    for (LocalResultPartition partition : List.copyOf(partitions.values())) {
      partition.release();
    }
  }
}
