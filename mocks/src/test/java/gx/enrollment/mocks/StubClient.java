package gx.enrollment.mocks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** Calls the stubs as a well-behaved client of the contracts would, unless told otherwise. */
final class StubClient {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final GovernmentStubs stubs;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  StubClient(GovernmentStubs stubs) {
    this.stubs = stubs;
  }

  /** POSTs the body with a valid token, a fresh X-Request-Id and X-Purpose: ENROLLMENT. */
  HttpResponse<String> post(Upstream upstream, Object body) {
    return send(request(upstream, body).build());
  }

  CompletableFuture<HttpResponse<String>> postAsync(Upstream upstream, Object body) {
    return http.sendAsync(request(upstream, body).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The well-formed request, for a test to change one header. */
  HttpRequest.Builder request(Upstream upstream, Object body) {
    return requestWithout(upstream, body, "");
  }

  /** The well-formed request without one of its headers. */
  HttpRequest.Builder requestWithout(Upstream upstream, Object body, String omittedHeader) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(stubs.baseUrl(upstream) + upstream.path()))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(write(body)));
    Map<String, String> headers =
        Map.of(
            "Authorization",
            "Bearer " + stubs.token(upstream),
            "X-Request-Id",
            UUID.randomUUID().toString(),
            "X-Purpose",
            "ENROLLMENT");
    headers.forEach(
        (name, value) -> {
          if (!name.equals(omittedHeader)) {
            request.header(name, value);
          }
        });
    return request;
  }

  /** A request to the stub's admin API, e.g. {@code POST /__admin/ext/fault}. */
  HttpResponse<String> admin(Upstream upstream, String method, String path, String body) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(stubs.baseUrl(upstream) + "/__admin" + path))
            .method(method, HttpRequest.BodyPublishers.ofString(body))
            .build();
    return send(request);
  }

  HttpResponse<String> send(HttpRequest request) {
    try {
      return sendOrThrow(request);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  HttpResponse<String> sendOrThrow(HttpRequest request) throws IOException {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The response body as JSON. */
  static JsonNode body(HttpResponse<String> response) {
    return parse(response.body());
  }

  static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String write(Object body) {
    if (body instanceof String text) {
      return text;
    }
    try {
      return MAPPER.writeValueAsString(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code {"k1": v1, "k2": v2, ...}} in order. */
  static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
