package io.sluice.testkit.guide;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.StreamEnvironment;
import io.sluice.api.async.AsyncDataStream;
import io.sluice.api.async.AsyncFunction;
import io.sluice.api.async.ResultFuture;
import io.sluice.api.datastream.DataStream;
import io.sluice.api.functions.RichFunction;
import io.sluice.api.functions.RuntimeContext;
import io.sluice.testkit.CollectSink;
import io.sluice.testkit.LocalEnvironment;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The runnable example of the user guide's async I/O section. */
class AsyncGuideExamplesTest {

  /**
   * Stands in for an asynchronous client library: answers on a pool thread, and never answers for
   * an id it does not know (a server that hangs).
   */
  static final class NameService {
    private static final Map<String, String> NAMES = Map.of("u1", "Ann", "u2", "Bob");

    static NameService connect() {
      return new NameService();
    }

    CompletableFuture<String> lookup(String id) {
      String name = NAMES.get(id);
      return name == null ? new CompletableFuture<>() : CompletableFuture.supplyAsync(() -> name);
    }
  }

  /** Looks up each id's name; a lookup that times out yields {@code id=?}. */
  static final class LookupName implements AsyncFunction<String, String>, RichFunction {
    private transient NameService names;

    @Override
    public void open(RuntimeContext ctx) {
      names = NameService.connect();
    }

    @Override
    public void asyncInvoke(String id, ResultFuture<String> result) {
      names
          .lookup(id)
          .whenComplete(
              (name, error) -> {
                if (error != null) {
                  result.completeExceptionally(error);
                } else {
                  result.complete(List.of(id + "=" + name));
                }
              });
    }

    @Override
    public void timeout(String id, ResultFuture<String> result) {
      result.complete(List.of(id + "=?"));
    }
  }

  @Test
  void asyncIo_orderedWaitEmitsInInputOrderWithTimeoutFallbacks() throws Exception {
    StreamEnvironment env = LocalEnvironment.create(1);
    CollectSink<String> out = new CollectSink<>();
    DataStream<String> userIds = env.fromElements("u1", "u2", "u3", "u1");

    DataStream<String> enriched =
        AsyncDataStream.orderedWait(userIds, new LookupName(), 1, TimeUnit.SECONDS, 100);
    enriched.sinkTo(out);
    env.execute("async");

    assertThat(out.elements()).containsExactly("u1=Ann", "u2=Bob", "u3=?", "u1=Ann");
  }
}
