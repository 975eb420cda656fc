package io.sluice.launcher.control;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A control API request: method, path segments and query parameters (a parameter may repeat, like
 * {@code arg}).
 */
record Request(String method, List<String> path, Map<String, List<String>> query) {

  static Request of(String method, URI uri) {
    List<String> path =
        Arrays.stream(uri.getRawPath().split("/"))
            .filter(s -> !s.isEmpty())
            .map(s -> URLDecoder.decode(s, StandardCharsets.UTF_8))
            .toList();
    Map<String, List<String>> query = new LinkedHashMap<>();
    String raw = uri.getRawQuery();
    if (raw != null && !raw.isEmpty()) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        String key =
            URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String value =
            eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        query.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
      }
    }
    return new Request(method, path, query);
  }

  /** True if the path has exactly these segments, where {@code "*"} matches any one segment. */
  boolean matches(String expectedMethod, String... segments) {
    if (!method.equals(expectedMethod) || path.size() != segments.length) {
      return false;
    }
    for (int i = 0; i < segments.length; i++) {
      if (!segments[i].equals("*") && !segments[i].equals(path.get(i))) {
        return false;
      }
    }
    return true;
  }

  String segment(int index) {
    return path.get(index);
  }

  String required(String name) {
    List<String> values = query.get(name);
    if (values == null || values.get(0).isBlank()) {
      throw new IllegalArgumentException("missing query parameter '" + name + "'");
    }
    return values.get(0);
  }

  String optional(String name, String fallback) {
    List<String> values = query.get(name);
    return values == null ? fallback : values.get(0);
  }

  List<String> all(String name) {
    return query.getOrDefault(name, List.of());
  }

  boolean flag(String name) {
    return Boolean.parseBoolean(optional(name, "false")) || optional(name, "false").isEmpty();
  }
}
