package gx.enrollment.gateway.notify;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import java.net.ConnectException;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The SMS gateway of UPSTREAMS.md §5 behind a circuit breaker. It tells apart a message known not
 * to be sent — the gateway answered with an error, or no connection could be made — which may be
 * sent again, from one whose fate is unknown (timeout, connection lost after the request went out),
 * which must not be: sending twice sends two SMS.
 */
public final class SmsGateway {

  static final String PATH = "/sms/v1/messages";
  static final String TEMPLATE = "ENROLLMENT_STATUS";

  /** What one {@link SmsProperties} is made of; replaced whole by {@link #reconfigure}. */
  private record Wiring(SmsProperties settings, WebClient client, CircuitBreaker breaker) {}

  private final WebClient.Builder builder;
  private final AtomicReference<Wiring> current;

  public SmsGateway(WebClient.Builder builder, SmsProperties settings) {
    this.builder = builder;
    this.current =
        new AtomicReference<>(new Wiring(settings, client(builder, settings), breaker(settings)));
  }

  private static WebClient client(WebClient.Builder builder, SmsProperties settings) {
    return builder
        .clone()
        .baseUrl(settings.baseUrl().toString())
        .defaultHeader("Authorization", "Bearer " + settings.token())
        .defaultHeader("X-Purpose", "ENROLLMENT")
        .build();
  }

  private static CircuitBreaker breaker(SmsProperties settings) {
    return CircuitBreaker.of(
        "sms",
        CircuitBreakerConfig.custom()
            .slidingWindowSize(10)
            .minimumNumberOfCalls(5)
            .failureRateThreshold(50)
            .waitDurationInOpenState(settings.circuitBreakerWait())
            .build());
  }

  /**
   * Puts new settings in force for the next sends: a new client if the address or token changed, a
   * new circuit breaker (closed) if its wait changed; a send already running finishes on the old.
   * Whether this instance sends at all ({@code enabled}) is read at start only.
   */
  public void reconfigure(SmsProperties settings) {
    current.updateAndGet(
        old ->
            new Wiring(
                settings,
                old.settings().baseUrl().equals(settings.baseUrl())
                        && old.settings().token().equals(settings.token())
                    ? old.client()
                    : client(builder, settings),
                old.settings().circuitBreakerWait().equals(settings.circuitBreakerWait())
                    ? old.breaker()
                    : breaker(settings)));
  }

  /** The settings in force. */
  public SmsProperties settings() {
    return current.get().settings();
  }

  /** The gateway refused the message, or could not be reached: it was not sent. */
  public static final class NotSent extends RuntimeException {
    NotSent(String why, Throwable cause) {
      super(why, cause, false, false);
    }
  }

  /** No answer: the message may or may not have been sent. */
  public static final class OutcomeUnknown extends RuntimeException {
    OutcomeUnknown(String why, Throwable cause) {
      super(why, cause, false, false);
    }
  }

  /**
   * Sends one message; emits the gateway's message id, or fails with {@link NotSent} or {@link
   * OutcomeUnknown}.
   */
  public Mono<String> send(String phone, Map<String, String> params, String requestId) {
    return Mono.defer(() -> send(current.get(), phone, params, requestId));
  }

  private static Mono<String> send(
      Wiring wiring, String phone, Map<String, String> params, String requestId) {
    return wiring
        .client()
        .post()
        .uri(PATH)
        .header("X-Request-Id", requestId)
        .contentType(MediaType.APPLICATION_JSON)
        .accept(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("phone", phone, "template", TEMPLATE, "params", params))
        .retrieve()
        .onStatus(
            status -> status.value() != 202,
            response ->
                Mono.just(
                    new NotSent("the SMS gateway answered " + response.statusCode().value(), null)))
        .bodyToMono(JsonNode.class)
        .map(body -> body.path("messageId").asText(""))
        .timeout(wiring.settings().timeout())
        .transformDeferred(CircuitBreakerOperator.of(wiring.breaker()))
        .onErrorMap(SmsGateway::classify);
  }

  private static Throwable classify(Throwable error) {
    if (error instanceof NotSent || error instanceof OutcomeUnknown) {
      return error;
    }
    if (error instanceof CallNotPermittedException) {
      return new NotSent("the SMS gateway's circuit breaker is open", error);
    }
    if (error instanceof WebClientRequestException request
        && request.getCause() instanceof ConnectException) {
      return new NotSent("the SMS gateway could not be reached", error);
    }
    if (error instanceof WebClientResponseException response) {
      HttpStatusCode status = response.getStatusCode();
      return new NotSent("the SMS gateway answered " + status.value(), error);
    }
    if (error instanceof TimeoutException) {
      return new OutcomeUnknown("no answer from the SMS gateway in time", error);
    }
    return new OutcomeUnknown("the SMS gateway's answer was lost: " + error, error);
  }
}
