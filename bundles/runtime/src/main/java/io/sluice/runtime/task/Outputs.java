package io.sluice.runtime.task;

import io.sluice.api.functions.OutputTag;
import io.sluice.api.operators.Output;
import io.sluice.runtime.network.RecordWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The ways an operator's output leaves it: to a chained operator, to the network, or to several.
 *
 * <p>Every output here also carries watermark status (idle/active). Operators never see status:
 * {@link OperatorHandle} passes it straight to its operator's output, so it flows through chains
 * and across the network in order with the elements, without a change to the operator API.
 */
final class Outputs {
  private Outputs() {}

  /** An output that also forwards watermark status; every output built by the runtime is one. */
  interface StatusOutput {
    void emitWatermarkStatus(boolean idle);
  }

  /** Forwards a status change to {@code output}, which must be one of the runtime's outputs. */
  static void emitWatermarkStatus(Output<?> output, boolean idle) {
    if (!(output instanceof StatusOutput status)) {
      throw new IllegalStateException(
          "cannot forward watermark status through " + output.getClass().getName());
    }
    status.emitWatermarkStatus(idle);
  }

  /** Serializes elements into the network buffers of one edge. */
  static final class Network<T> implements Output<T>, StatusOutput {
    private final RecordWriter<T> writer;

    Network(RecordWriter<T> writer) {
      this.writer = writer;
    }

    @Override
    public void collect(T value, long timestamp) {
      try {
        writer.emit(value, timestamp);
      } catch (java.io.IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new TaskCanceledException();
      }
    }

    @Override
    public <X> void collect(OutputTag<X> tag, X value, long timestamp) {
      // main-output edges only: side outputs are routed by Outputs.Routing
    }

    @Override
    public void emitWatermark(long watermark) {
      try {
        writer.broadcastWatermark(watermark);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new TaskCanceledException();
      }
    }

    @Override
    public void emitWatermarkStatus(boolean idle) {
      try {
        writer.broadcastWatermarkStatus(idle);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new TaskCanceledException();
      }
    }
  }

  /** Sends every element to each of several outputs. */
  static final class Broadcasting<T> implements Output<T>, StatusOutput {
    private final Output<T>[] outputs;

    @SuppressWarnings("unchecked")
    Broadcasting(List<Output<T>> outputs) {
      this.outputs = outputs.toArray(Output[]::new);
    }

    @Override
    public void collect(T value, long timestamp) {
      for (Output<T> output : outputs) {
        output.collect(value, timestamp);
      }
    }

    @Override
    public <X> void collect(OutputTag<X> tag, X value, long timestamp) {
      // main-output edges only: side outputs are routed by Outputs.Routing
    }

    @Override
    public void emitWatermark(long watermark) {
      for (Output<T> output : outputs) {
        output.emitWatermark(watermark);
      }
    }

    @Override
    public void emitWatermarkStatus(boolean idle) {
      for (Output<T> output : outputs) {
        Outputs.emitWatermarkStatus(output, idle);
      }
    }
  }

  /** The output of a sink: nothing leaves it. */
  static final class Discarding<T> implements Output<T>, StatusOutput {
    @Override
    public void collect(T value, long timestamp) {}

    @Override
    public <X> void collect(OutputTag<X> tag, X value, long timestamp) {
      // main-output edges only: side outputs are routed by Outputs.Routing
    }

    @Override
    public void emitWatermark(long watermark) {}

    @Override
    public void emitWatermarkStatus(boolean idle) {}
  }

  /** The main output plus side outputs by tag id; watermarks go to all of them. */
  static final class Routing<T> implements Output<T>, StatusOutput {
    private final Output<T> main;
    private final Map<String, Output<Object>> sideOutputs;

    Routing(Output<T> main, Map<String, Output<Object>> sideOutputs) {
      this.main = main;
      this.sideOutputs = Map.copyOf(sideOutputs);
    }

    @Override
    public void collect(T value, long timestamp) {
      main.collect(value, timestamp);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <X> void collect(OutputTag<X> tag, X value, long timestamp) {
      Output<Object> side = sideOutputs.get(tag.getId());
      if (side != null) {
        side.collect(value, timestamp);
      }
    }

    @Override
    public void emitWatermark(long watermark) {
      main.emitWatermark(watermark);
      for (Output<Object> side : sideOutputs.values()) {
        side.emitWatermark(watermark);
      }
    }

    @Override
    public void emitWatermarkStatus(boolean idle) {
      Outputs.emitWatermarkStatus(main, idle);
      for (Output<Object> side : sideOutputs.values()) {
        Outputs.emitWatermarkStatus(side, idle);
      }
    }
  }

  static <T> Output<T> of(List<Output<T>> outputs) {
    return switch (outputs.size()) {
      case 0 -> new Discarding<>();
      case 1 -> outputs.get(0);
      default -> new Broadcasting<>(outputs);
    };
  }

  /** The task was canceled while it waited (for a buffer, say). */
  static final class TaskCanceledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TaskCanceledException() {
      super("task canceled");
    }
  }
}
