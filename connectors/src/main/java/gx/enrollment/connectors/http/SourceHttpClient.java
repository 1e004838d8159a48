package gx.enrollment.connectors.http;

import gx.enrollment.connectors.Person;
import gx.enrollment.connectors.QueryContext;
import gx.enrollment.connectors.Source;
import gx.enrollment.connectors.resilience.BadResponseException;
import gx.enrollment.connectors.resilience.UpstreamConnectionException;
import gx.enrollment.connectors.resilience.UpstreamStatusException;
import gx.enrollment.connectors.settings.SourceSettings;
import io.netty.channel.ChannelOption;
import java.io.IOException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Speaks the common part of the sources' contract: POSTs a JSON body with {@code Authorization},
 * {@code X-Request-Id}, {@code X-Purpose} and {@code X-Consent-Id} (the consent the query is made
 * under; an extra header the contract does not forbid), and turns the answer into a JSON object or
 * one of the failures of {@link gx.enrollment.connectors.resilience}. One per source, each with its
 * own connection pool sized to the source's bulkhead.
 */
public final class SourceHttpClient implements AutoCloseable {

  static final String REQUEST_ID = "X-Request-Id";
  static final String PURPOSE = "X-Purpose";
  static final String CONSENT_ID = "X-Consent-Id";

  /** Idle pooled connections are closed before a source's load balancer silently drops them. */
  private static final Duration MAX_IDLE = Duration.ofSeconds(20);

  /**
   * How long {@link #close()} lets requests still in flight finish before their connections are
   * closed: longer than any verification's deadline.
   */
  private static final Duration CLOSE_GRACE = Duration.ofSeconds(30);

  private static final byte[] NO_BODY = new byte[0];

  private static final JsonMapper JSON =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();

  private final Source source;
  private final WebClient webClient;
  private final HttpClient httpClient;
  private final ConnectionProvider connections;

  private SourceHttpClient(
      Source source, WebClient webClient, HttpClient httpClient, ConnectionProvider connections) {
    this.source = source;
    this.webClient = webClient;
    this.httpClient = httpClient;
    this.connections = connections;
  }

  /**
   * @param webClientBuilder cloned, never changed: the caller's customizations (observation,
   *     codecs) are kept
   */
  public static SourceHttpClient create(
      Source source, SourceSettings settings, WebClient.Builder webClientBuilder) {
    ConnectionProvider connections =
        ConnectionProvider.builder("enrollment-" + source.key())
            .maxConnections(settings.bulkhead().maxConcurrentCalls())
            .pendingAcquireTimeout(settings.attemptTimeout())
            .maxIdleTime(MAX_IDLE)
            .disposeTimeout(CLOSE_GRACE)
            .build();
    HttpClient httpClient =
        HttpClient.create(connections)
            .option(
                ChannelOption.CONNECT_TIMEOUT_MILLIS,
                Math.toIntExact(settings.connectTimeout().toMillis()));
    WebClient webClient =
        webClientBuilder
            .clone()
            .baseUrl(settings.baseUrl().toString())
            .clientConnector(new ReactorClientHttpConnector(httpClient))
            .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + settings.token())
            .build();
    return new SourceHttpClient(source, webClient, httpClient, connections);
  }

  /** A JSON object ready to be filled in as a request body. */
  public static ObjectNode newBody() {
    return JSON.createObjectNode();
  }

  /**
   * The body the residence-permit and social-security sources share: one person and the region
   * asked about ({@code {"idNumber", "name", "regionCode"}}).
   */
  public static ObjectNode personInRegion(Person person, String regionCode) {
    return newBody()
        .put("idNumber", person.idNumber())
        .put("name", person.name())
        .put("regionCode", regionCode);
  }

  /**
   * One request: cold, so every subscription (every retry) sends it again with the same {@code
   * X-Request-Id}. Emits the 200 body as a JSON object, or fails with {@link
   * UpstreamStatusException}, {@link UpstreamConnectionException} or {@link BadResponseException}.
   */
  public Mono<JsonNode> post(String path, JsonNode body, QueryContext context) {
    byte[] requestBody = JSON.writeValueAsBytes(body);
    return webClient
        .post()
        .uri(path)
        .contentType(MediaType.APPLICATION_JSON)
        .accept(MediaType.APPLICATION_JSON)
        .header(REQUEST_ID, context.requestId())
        .header(PURPOSE, context.purpose())
        .header(CONSENT_ID, context.consentId())
        .bodyValue(requestBody)
        .exchangeToMono(
            response ->
                response
                    .bodyToMono(byte[].class)
                    .defaultIfEmpty(NO_BODY)
                    .map(bytes -> read(response, bytes)))
        .onErrorMap(this::isTransportFailure, this::transportFailure);
  }

  private JsonNode read(ClientResponse response, byte[] body) {
    int status = response.statusCode().value();
    if (status == 200) {
      return parse(body);
    }
    if (UpstreamStatusException.isDocumented(status)) {
      throw UpstreamStatusException.of(source, status, retryAfter(status, response.headers()));
    }
    throw BadResponseException.undocumentedStatus(source, status);
  }

  private JsonNode parse(byte[] body) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JacksonException e) {
      throw BadResponseException.notJson(source, e);
    }
    if (root == null || !root.isObject()) {
      throw BadResponseException.notAnObject(source);
    }
    return root;
  }

  /** {@code Retry-After} in seconds on a 429 or 503; an HTTP-date or garbage is ignored. */
  private static @Nullable Duration retryAfter(int status, ClientResponse.Headers headers) {
    if (status != 429 && status != 503) {
      return null;
    }
    String value = headers.asHttpHeaders().getFirst(HttpHeaders.RETRY_AFTER);
    if (value == null || !value.trim().matches("\\d{1,6}")) {
      return null;
    }
    return Duration.ofSeconds(Long.parseLong(value.trim()));
  }

  private boolean isTransportFailure(Throwable failure) {
    return failure instanceof WebClientRequestException
        || failure instanceof IOException
        || failure instanceof DataBufferLimitException;
  }

  private Throwable transportFailure(Throwable failure) {
    if (failure instanceof DataBufferLimitException) {
      return BadResponseException.tooLarge(source, failure);
    }
    return UpstreamConnectionException.of(source, failure);
  }

  /** The source this client talks to. */
  public Source source() {
    return source;
  }

  /**
   * Loads Reactor Netty's event loops, native transport and DNS resolver ahead of the first
   * request, which otherwise pays for them (about a second on a small machine) out of its attempt
   * timeout. Sends nothing to the source.
   */
  public Mono<Void> warmUp() {
    return httpClient.warmup();
  }

  /**
   * Releases the connection pool without waiting: idle connections at once, those of requests still
   * in flight once they are done (at most {@link #CLOSE_GRACE} later).
   */
  @Override
  public void close() {
    connections.dispose();
  }
}
