package io.sluice.api.connector.source;

import io.sluice.api.typeutils.SimpleVersionedSerializer;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a source's enumerator and readers on the test's thread, polling the readers round-robin, as
 * the runtime's coordinator and source tasks would; checkpoints go through the source's own
 * serializers, so what a restore sees is what a real checkpoint would hold.
 */
final class SourceDriver<T, SplitT extends SourceSplit, EnumT> {
  /** A checkpoint: the enumerator's state and each reader's splits, serialized. */
  record Checkpoint(long id, byte[] enumerator, List<List<byte[]>> readerSplits) {}

  private final Source<T, SplitT, EnumT> source;
  private final SplitEnumerator<SplitT, EnumT> enumerator;
  private final List<SourceReader<T, SplitT>> readers = new ArrayList<>();
  private final List<List<T>> outputs = new ArrayList<>();
  private final boolean[] ended;

  private SourceDriver(
      Source<T, SplitT, EnumT> source, int parallelism, EnumT enumState, List<List<SplitT>> splits)
      throws Exception {
    this.source = source;
    this.ended = new boolean[parallelism];
    SplitEnumeratorContext<SplitT> context =
        new SplitEnumeratorContext<>() {
          @Override
          public int currentParallelism() {
            return parallelism;
          }

          @Override
          public void assignSplit(SplitT split, int subtaskId) {
            readers.get(subtaskId).addSplits(List.of(split));
          }

          @Override
          public void signalNoMoreSplits(int subtaskId) {
            readers.get(subtaskId).notifyNoMoreSplits();
          }
        };
    enumerator =
        enumState == null
            ? source.createEnumerator(context)
            : source.restoreEnumerator(context, enumState);
    enumerator.start();
    for (int i = 0; i < parallelism; i++) {
      int subtask = i;
      readers.add(
          source.createReader(
              new SourceReaderContext() {
                @Override
                public int getIndexOfSubtask() {
                  return subtask;
                }

                @Override
                public int currentParallelism() {
                  return parallelism;
                }

                @Override
                public void sendSplitRequest() {
                  enumerator.handleSplitRequest(subtask);
                }

                @Override
                public ClassLoader getUserCodeClassLoader() {
                  return getClass().getClassLoader();
                }
              }));
      outputs.add(new ArrayList<>());
    }
    for (int i = 0; i < parallelism; i++) {
      enumerator.addReader(i);
      if (splits != null && !splits.get(i).isEmpty()) {
        readers.get(i).addSplits(splits.get(i));
      }
      readers.get(i).start();
    }
  }

  static <T, S extends SourceSplit, E> SourceDriver<T, S, E> fresh(
      Source<T, S, E> source, int parallelism) throws Exception {
    return new SourceDriver<>(source, parallelism, null, null);
  }

  /**
   * Restores at {@code parallelism}; the checkpoint's reader splits are dealt round-robin when it
   * differs from the checkpoint's.
   */
  static <T, S extends SourceSplit, E> SourceDriver<T, S, E> restore(
      Source<T, S, E> source, int parallelism, Checkpoint checkpoint) throws Exception {
    ClassLoader loader = SourceDriver.class.getClassLoader();
    SimpleVersionedSerializer<S> splitSerializer = source.getSplitSerializer(loader);
    SimpleVersionedSerializer<E> enumSerializer = source.getEnumeratorCheckpointSerializer(loader);
    List<List<S>> splits = new ArrayList<>();
    for (int i = 0; i < parallelism; i++) {
      splits.add(new ArrayList<>());
    }
    int next = 0;
    for (int old = 0; old < checkpoint.readerSplits().size(); old++) {
      for (byte[] bytes : checkpoint.readerSplits().get(old)) {
        int target = checkpoint.readerSplits().size() == parallelism ? old : next++ % parallelism;
        splits.get(target).add(splitSerializer.deserialize(splitSerializer.getVersion(), bytes));
      }
    }
    E enumState = enumSerializer.deserialize(enumSerializer.getVersion(), checkpoint.enumerator());
    return new SourceDriver<>(source, parallelism, enumState, splits);
  }

  /** Polls every reader that has not ended once; false when all have ended. */
  boolean step() throws Exception {
    boolean running = false;
    for (int i = 0; i < readers.size(); i++) {
      if (ended[i]) {
        continue;
      }
      List<T> out = outputs.get(i);
      InputStatus status =
          readers
              .get(i)
              .pollNext(
                  new ReaderOutput<>() {
                    @Override
                    public void collect(T record) {
                      out.add(record);
                    }

                    @Override
                    public void collect(T record, long timestamp) {
                      out.add(record);
                    }
                  });
      ended[i] = status == InputStatus.END_OF_INPUT;
      running |= !ended[i];
    }
    return running;
  }

  void runToEnd() throws Exception {
    while (step()) {
      // keep polling
    }
  }

  Checkpoint checkpoint(long id) throws Exception {
    ClassLoader loader = SourceDriver.class.getClassLoader();
    SimpleVersionedSerializer<SplitT> splitSerializer = source.getSplitSerializer(loader);
    SimpleVersionedSerializer<EnumT> enumSerializer =
        source.getEnumeratorCheckpointSerializer(loader);
    List<List<byte[]>> readerSplits = new ArrayList<>();
    for (SourceReader<T, SplitT> reader : readers) {
      List<byte[]> splits = new ArrayList<>();
      for (SplitT split : reader.snapshotState(id)) {
        splits.add(splitSerializer.serialize(split));
      }
      readerSplits.add(splits);
    }
    return new Checkpoint(id, enumSerializer.serialize(enumerator.snapshotState(id)), readerSplits);
  }

  /** What each reader emitted, by subtask. */
  List<List<T>> outputs() {
    return outputs.stream().map(List::copyOf).toList();
  }

  void close() throws Exception {
    for (SourceReader<T, SplitT> reader : readers) {
      reader.close();
    }
    enumerator.close();
  }
}
