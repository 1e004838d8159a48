package gx.enrollment.connectors;

import gx.enrollment.connectors.http.SourceHttpClient;
import gx.enrollment.connectors.resilience.ResilienceStack;
import gx.enrollment.connectors.settings.SourceSettings;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * One source's connector whose settings can be replaced while it runs. It holds the current {@link
 * Generation} — settings, HTTP client, {@link ResilienceStack} and the connector built over them —
 * in an {@link AtomicReference}, and reads it once per call, when the call is subscribed: a call in
 * flight finishes with the generation it started with (its retries included), the next call takes
 * the new one.
 *
 * @param <Q> the question the source answers
 */
public final class LiveConnector<Q> implements SourceConnector<Q> {

  /**
   * Everything one set of settings of a source is made of.
   *
   * @param settings the settings it was built from
   * @param http the HTTP client (and its connection pool)
   * @param stack the bulkhead, time limiter, circuit breaker and retry
   * @param connector the connector over both
   */
  public record Generation<Q>(
      SourceSettings settings,
      SourceHttpClient http,
      ResilienceStack stack,
      SourceConnector<Q> connector) {}

  private final Source source;
  private final BiFunction<SourceHttpClient, ResilienceStack, SourceConnector<Q>> factory;
  private final WebClient.Builder webClientBuilder;
  private final Clock clock;
  private final AtomicReference<Generation<Q>> current;

  LiveConnector(
      Source source,
      SourceSettings settings,
      BiFunction<SourceHttpClient, ResilienceStack, SourceConnector<Q>> factory,
      WebClient.Builder webClientBuilder,
      Clock clock) {
    this.source = source;
    this.factory = factory;
    this.webClientBuilder = webClientBuilder;
    this.clock = clock;
    SourceHttpClient http = SourceHttpClient.create(source, settings, webClientBuilder);
    ResilienceStack stack = ResilienceStack.of(source, settings, clock);
    this.current =
        new AtomicReference<>(new Generation<>(settings, http, stack, factory.apply(http, stack)));
  }

  @Override
  public Source source() {
    return source;
  }

  @Override
  public Mono<SourceResult> verify(Q query, QueryContext context) {
    return Mono.defer(() -> current.get().connector().verify(query, context));
  }

  /** The generation in force. */
  public Generation<Q> current() {
    return current.get();
  }

  /**
   * Puts {@code settings} in force if they differ from the current ones: a new resilience stack
   * (new breaker, retry, bulkhead and time limiter, under the same names), and a new HTTP client
   * only if the address, token, connect timeout or pool size changed — the old client's pool is
   * then closed gracefully, once the calls still using it are done.
   *
   * @return the generation replaced, or {@code null} when the settings are the same
   */
  @Nullable Generation<Q> reconfigure(SourceSettings settings) {
    Generation<Q> old = current.get();
    if (old.settings().equals(settings)) {
      return null;
    }
    boolean sameHttp = sameHttp(old.settings(), settings);
    SourceHttpClient http =
        sameHttp ? old.http() : SourceHttpClient.create(source, settings, webClientBuilder);
    ResilienceStack stack = ResilienceStack.of(source, settings, clock);
    current.set(new Generation<>(settings, http, stack, factory.apply(http, stack)));
    if (!sameHttp) {
      old.http().close();
    }
    return old;
  }

  /** Whether the HTTP client built from {@code a} serves {@code b} as well. */
  static boolean sameHttp(SourceSettings a, SourceSettings b) {
    return Objects.equals(a.baseUrl(), b.baseUrl())
        && Objects.equals(a.token(), b.token())
        && Objects.equals(a.connectTimeout(), b.connectTimeout())
        && a.bulkhead().maxConcurrentCalls() == b.bulkhead().maxConcurrentCalls();
  }

  void close() {
    current.get().http().close();
  }
}
