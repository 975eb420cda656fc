package io.sluice.api.datastream;

import io.sluice.api.graph.SinkTransformation;

/** The end of a dataflow: name, uid and parallelism of the sink. */
public final class DataStreamSink<T> {
  private final SinkTransformation<T> transformation;

  DataStreamSink(SinkTransformation<T> transformation) {
    this.transformation = transformation;
  }

  public DataStreamSink<T> name(String name) {
    transformation.setName(name);
    return this;
  }

  public DataStreamSink<T> uid(String uid) {
    transformation.setUid(uid);
    return this;
  }

  public DataStreamSink<T> setParallelism(int parallelism) {
    transformation.setParallelism(parallelism);
    return this;
  }

  public SinkTransformation<T> getTransformation() {
    return transformation;
  }
}
