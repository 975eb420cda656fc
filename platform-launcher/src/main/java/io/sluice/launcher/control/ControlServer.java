package io.sluice.launcher.control;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.sluice.launcher.feature.FeatureException;
import io.sluice.launcher.feature.FeatureResult;
import io.sluice.launcher.json.JsonWriter;
import io.sluice.launcher.platform.BundleInfo;
import io.sluice.launcher.platform.BundleJar;
import io.sluice.launcher.platform.Platform;
import io.sluice.launcher.platform.PlatformException;
import io.sluice.platform.JobControl;
import io.sluice.platform.SubmitOptions;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;

/**
 * The long-running platform's control API: JSON over HTTP on 127.0.0.1, served by the JDK's {@code
 * com.sun.net.httpserver} outside the framework. Requests carry their inputs as query parameters;
 * file paths must be absolute (the CLI resolves them).
 *
 * <pre>
 * GET    /jobs                                     list jobs
 * POST   /jobs?jar=PATH[&amp;parallelism=N][&amp;arg=A...][&amp;fromSavepoint=PATH[&amp;allowNonRestoredState=true]]
 *                                                  submit a job bundle
 * GET    /jobs/ID                                  one job
 * POST   /jobs/ID/cancel                           cancel a job
 * POST   /jobs/ID/savepoint[?dir=PATH]             take a savepoint, the job goes on
 * POST   /jobs/ID/stop[?dir=PATH]                  take a savepoint and stop the job
 * GET    /backends                                 selected and available state backends, storages
 * POST   /backends/state/NAME                      select a state backend, move the running jobs
 * GET    /bundles                                  list bundles
 * POST   /bundles?path=PATH                        install and start a bundle
 * DELETE /bundles/ID                               uninstall a bundle
 * GET    /features                                 list features
 * POST   /features/NAME/install[?dryRun=true]      install a feature (or show the plan)
 * POST   /features/NAME/uninstall[?dryRun=true]    uninstall a feature (or show the plan)
 * POST   /shutdown                                 stop the platform
 * </pre>
 *
 * <p>Errors answer {@code {"error": "..."}} with status 400 (bad request or refused, a savepoint or
 * backend switch that failed), 404 (no such endpoint or job) or 500. Requests are handled on two
 * worker threads.
 */
public final class ControlServer implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(ControlServer.class.getName());

  private static final Duration JOB_CONTROL_WAIT = Duration.ofSeconds(5);

  /**
   * How long a savepoint or backend switch may take before the request answers that it is still
   * going on (below the CLI's two-minute request timeout).
   */
  private static final Duration OPERATION_WAIT = Duration.ofSeconds(100);

  private final HttpServer server;
  private final ExecutorService workers;
  private final Platform platform;
  private final Runnable onShutdown;

  private ControlServer(
      HttpServer server, ExecutorService workers, Platform platform, Runnable onShutdown) {
    this.server = server;
    this.workers = workers;
    this.platform = platform;
    this.onShutdown = onShutdown;
  }

  /**
   * Binds 127.0.0.1:{@code port} (0 = any free port) and starts serving.
   *
   * @param onShutdown run (once, on a worker thread) after answering {@code POST /shutdown}
   * @throws IOException if the port is taken
   */
  public static ControlServer start(Platform platform, int port, Runnable onShutdown)
      throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    ExecutorService workers =
        Executors.newFixedThreadPool(
            2,
            r -> {
              Thread t = new Thread(r, "sluice-control");
              t.setDaemon(true);
              return t;
            });
    ControlServer control = new ControlServer(server, workers, platform, onShutdown);
    server.createContext("/", control::handle);
    server.setExecutor(workers);
    server.start();
    return control;
  }

  /** The port actually bound. */
  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    workers.shutdown();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Request request = Request.of(exchange.getRequestMethod(), exchange.getRequestURI());
      int status = 200;
      Object body;
      boolean shutdown = false;
      try {
        if (request.matches("POST", "shutdown")) {
          body = Map.of("stopping", true);
          shutdown = true;
        } else {
          body = route(request);
        }
        if (body == null) {
          status = 404;
          body =
              error(
                  "no endpoint "
                      + request.method()
                      + " /"
                      + String.join("/", request.path())
                      + "; see docs/launcher.md");
        }
      } catch (NoSuchElementException e) {
        status = 404;
        body = error(e.getMessage());
      } catch (PlatformException
          | FeatureException
          | IllegalArgumentException
          | IllegalStateException e) {
        status = 400;
        body = error(e.getMessage());
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.ERROR, "control request " + request + " failed", e);
        status = 500;
        body = error(e.toString());
      }
      byte[] bytes = JsonWriter.write(body).getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
      if (shutdown) {
        onShutdown.run();
      }
    }
  }

  private Object route(Request r) {
    if (r.matches("GET", "jobs")) {
      return Map.of("jobs", jobs().list());
    } else if (r.matches("POST", "jobs")) {
      String savepoint = r.optional("fromSavepoint", null);
      SubmitOptions options =
          new SubmitOptions(
              r.all("arg"),
              Integer.parseInt(r.optional("parallelism", "0")),
              savepoint == null ? null : absolute(savepoint).toString(),
              r.flag("allowNonRestoredState"));
      return platform.submit(absolute(r.required("jar")), options);
    } else if (r.matches("GET", "jobs", "*")) {
      return platform
          .jobControl()
          .job(r.segment(1))
          .map(Object.class::cast)
          .orElseThrow(
              () ->
                  new NoSuchElementException(
                      "no job " + r.segment(1) + "; list them with: sluice list"));
    } else if (r.matches("POST", "jobs", "*", "cancel")) {
      return jobs().cancel(r.segment(1));
    } else if (r.matches("POST", "jobs", "*", "savepoint")) {
      String job = r.segment(1);
      return Operations.await(
          jobs().savepoint(job, directory(r)), "the savepoint of job " + job, OPERATION_WAIT);
    } else if (r.matches("POST", "jobs", "*", "stop")) {
      String job = r.segment(1);
      return Operations.await(
          jobs().stopWithSavepoint(job, directory(r)),
          "stopping job " + job + " with a savepoint",
          OPERATION_WAIT);
    } else if (r.matches("GET", "backends")) {
      return jobs().backends();
    } else if (r.matches("POST", "backends", "state", "*")) {
      String name = r.segment(2);
      return Operations.await(
          jobs().selectStateBackend(name),
          "switching the state backend to " + name,
          OPERATION_WAIT);
    } else if (r.matches("GET", "bundles")) {
      return Map.of("bundles", platform.bundles());
    } else if (r.matches("POST", "bundles")) {
      return installAndStart(absolute(r.required("path")));
    } else if (r.matches("DELETE", "bundles", "*")) {
      return platform.uninstall(bundleId(r.segment(1)));
    } else if (r.matches("GET", "features")) {
      return Map.of("features", platform.features().list());
    } else if (r.matches("POST", "features", "*", "install")) {
      return view(platform.features().install(List.of(r.segment(1)), r.flag("dryRun")));
    } else if (r.matches("POST", "features", "*", "uninstall")) {
      return view(platform.features().uninstall(r.segment(1), r.flag("dryRun")));
    }
    return null;
  }

  /** The runtime's JobControl; a request does not hang for long when the runtime is missing. */
  private JobControl jobs() {
    return platform.jobControl(JOB_CONTROL_WAIT);
  }

  private BundleInfo installAndStart(Path jar) {
    boolean fragment = BundleJar.inspect(jar).isFragment();
    Bundle bundle = platform.install(jar);
    if (!fragment) {
      try {
        bundle.start();
      } catch (BundleException e) {
        throw new PlatformException(
            "installed "
                + jar.getFileName()
                + " as bundle "
                + bundle.getBundleId()
                + " but it did not start: "
                + e.getMessage(),
            e);
      }
    }
    return BundleInfo.of(bundle);
  }

  private static Map<String, Object> view(FeatureResult result) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("action", result.plan().action());
    view.put("features", result.plan().features());
    view.put("dryRun", result.dryRun());
    view.put("steps", result.plan().describe());
    view.put("problems", result.problems());
    view.put("plan", result.plan());
    return view;
  }

  /** The optional {@code dir} parameter: an absolute folder, or null for the default. */
  private static String directory(Request r) {
    String dir = r.optional("dir", null);
    return dir == null || dir.isBlank() ? null : absolute(dir).toString();
  }

  private static Path absolute(String path) {
    Path p = Path.of(path);
    if (!p.isAbsolute()) {
      throw new IllegalArgumentException("path must be absolute: " + path);
    }
    return p;
  }

  private static long bundleId(String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("bundle id must be a number, not '" + value + "'", e);
    }
  }

  private static Map<String, Object> error(String message) {
    return Map.of("error", message == null ? "unknown error" : message);
  }
}
