package io.sluice.api.connector.source;

import io.sluice.api.typeutils.JavaObjectSerializer;
import io.sluice.api.typeutils.SimpleVersionedSerializer;
import java.io.Serializable;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Where a stream starts. The work is cut into {@link SourceSplit}s: one {@link SplitEnumerator}
 * (coordinator side) hands splits to the parallel {@link SourceReader}s on request.
 *
 * @param <T> the elements produced
 * @param <SplitT> the split type
 * @param <EnumStateT> the enumerator's checkpoint state
 */
@ConsumerType
public interface Source<T, SplitT extends SourceSplit, EnumStateT> extends Serializable {

  Boundedness getBoundedness();

  SplitEnumerator<SplitT, EnumStateT> createEnumerator(SplitEnumeratorContext<SplitT> context)
      throws Exception;

  SourceReader<T, SplitT> createReader(SourceReaderContext context) throws Exception;

  /**
   * Recreates the enumerator from the state its {@link SplitEnumerator#snapshotState} returned in a
   * checkpoint; splits that readers held at the checkpoint are restored into the readers, not into
   * the enumerator.
   *
   * @throws UnsupportedOperationException by default: a source that does not implement it cannot be
   *     restored (the message names the source)
   */
  default SplitEnumerator<SplitT, EnumStateT> restoreEnumerator(
      SplitEnumeratorContext<SplitT> context, EnumStateT checkpoint) throws Exception {
    throw new UnsupportedOperationException(
        "source "
            + getClass().getName()
            + " cannot be restored from a checkpoint: it does not implement restoreEnumerator");
  }

  /** Serializes splits in checkpoints; Java serialization through the job's loader by default. */
  default SimpleVersionedSerializer<SplitT> getSplitSerializer(ClassLoader userClassLoader) {
    return new JavaObjectSerializer<>(userClassLoader);
  }

  /** Serializes the enumerator's state in checkpoints; Java serialization by default. */
  default SimpleVersionedSerializer<EnumStateT> getEnumeratorCheckpointSerializer(
      ClassLoader userClassLoader) {
    return new JavaObjectSerializer<>(userClassLoader);
  }
}
