package io.sluice.api.connector.source;

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
}
