package io.sluice.launcher.control;

import io.sluice.launcher.json.JsonReader;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The CLI's side of the {@link ControlServer}: finds the running platform through the port file it
 * wrote ({@code log/sluice.port}) and turns answers into parsed JSON or exceptions that carry the
 * platform's error message.
 */
public final class ControlClient {

  private final Path portFile;
  private final HttpClient http;

  public ControlClient(Path portFile) {
    this.portFile = portFile;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  /** A query parameter; {@link #post} and {@link #get} encode them. */
  public record Param(String name, String value) {}

  public Map<String, Object> get(String path, Param... params) {
    return send("GET", path, params);
  }

  public Map<String, Object> post(String path, Param... params) {
    return send("POST", path, params);
  }

  public Map<String, Object> delete(String path, Param... params) {
    return send("DELETE", path, params);
  }

  /** One path segment, encoded: {@code "/jobs/" + segment(id) + "/cancel"}. */
  public static String segment(String value) {
    return encode(value);
  }

  /** Params from a list, e.g. repeated {@code arg}s. */
  public static Param[] params(List<Param> params) {
    return params.toArray(Param[]::new);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> send(String method, String path, Param... params) {
    URI uri = URI.create("http://127.0.0.1:" + port() + path + query(params));
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .method(method, HttpRequest.BodyPublishers.noBody())
            .timeout(Duration.ofMinutes(2))
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (ConnectException e) {
      throw new NoPlatformException();
    } catch (IOException e) {
      throw new ControlException(
          0, "the platform at " + uri.getAuthority() + " did not answer: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ControlException(0, "interrupted while waiting for the platform");
    }
    Object body;
    try {
      body = JsonReader.parse(response.body());
    } catch (IllegalArgumentException e) {
      throw new ControlException(
          response.statusCode(),
          "the platform answered something that is not JSON: " + e.getMessage());
    }
    if (!(body instanceof Map<?, ?> map)) {
      throw new ControlException(
          response.statusCode(), "the platform answered JSON that is not an object");
    }
    if (response.statusCode() / 100 != 2) {
      throw new ControlException(response.statusCode(), String.valueOf(map.get("error")));
    }
    return (Map<String, Object>) map;
  }

  private int port() {
    try {
      return Integer.parseInt(Files.readString(portFile).trim());
    } catch (NoSuchFileException e) {
      throw new NoPlatformException();
    } catch (IOException | NumberFormatException e) {
      throw new ControlException(
          0, "cannot read the platform's port from " + portFile + ": " + e.getMessage());
    }
  }

  private static String query(Param... params) {
    if (params.length == 0) {
      return "";
    }
    StringJoiner query = new StringJoiner("&", "?", "");
    for (Param p : params) {
      query.add(encode(p.name()) + "=" + encode(p.value()));
    }
    return query.toString();
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
