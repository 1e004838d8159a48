package gx.enrollment.connectors.testing;

import gx.enrollment.connectors.settings.BulkheadSettings;
import gx.enrollment.connectors.settings.CircuitBreakerSettings;
import gx.enrollment.connectors.settings.RetrySettings;
import gx.enrollment.connectors.settings.SourceSettings;
import gx.enrollment.connectors.settings.SourcesProperties;
import java.net.URI;
import java.time.Duration;

/**
 * Settings for tests: short timeouts and backoffs, no jitter, a breaker that does not open unless a
 * test asks for it. Fluent, so a test states only what it is about.
 */
public final class TestSettings {

  public static final String TOKEN = "test-token";

  private final String baseUrl;
  private Duration connectTimeout = Duration.ofMillis(300);
  private Duration attemptTimeout = Duration.ofMillis(500);
  private int failureRateThreshold = 50;
  private int slidingWindowSize = 100;
  private int minimumNumberOfCalls = 100;
  private Duration waitDurationInOpenState = Duration.ofSeconds(10);
  private int permittedCallsInHalfOpenState = 1;
  private int maxAttempts = 3;
  private Duration initialBackoff = Duration.ofMillis(20);
  private Duration maxRetryAfter = Duration.ofSeconds(2);
  private int maxConcurrentCalls = 10;

  private TestSettings(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  public static TestSettings against(String baseUrl) {
    return new TestSettings(baseUrl);
  }

  public TestSettings attemptTimeout(Duration value) {
    attemptTimeout = value;
    return this;
  }

  public TestSettings maxAttempts(int value) {
    maxAttempts = value;
    return this;
  }

  public TestSettings initialBackoff(Duration value) {
    initialBackoff = value;
    return this;
  }

  public TestSettings maxRetryAfter(Duration value) {
    maxRetryAfter = value;
    return this;
  }

  public TestSettings maxConcurrentCalls(int value) {
    maxConcurrentCalls = value;
    return this;
  }

  /** A count-based window of {@code size} calls that opens at {@code failureRate}% once full. */
  public TestSettings breakerWindow(int size, int failureRate) {
    slidingWindowSize = size;
    minimumNumberOfCalls = size;
    failureRateThreshold = failureRate;
    return this;
  }

  public TestSettings waitInOpenState(Duration value) {
    waitDurationInOpenState = value;
    return this;
  }

  public SourceSettings build() {
    return new SourceSettings(
        URI.create(baseUrl),
        TOKEN,
        connectTimeout,
        attemptTimeout,
        new CircuitBreakerSettings(
            failureRateThreshold,
            100,
            Duration.ofSeconds(10),
            slidingWindowSize,
            minimumNumberOfCalls,
            waitDurationInOpenState,
            permittedCallsInHalfOpenState),
        new RetrySettings(
            maxAttempts, initialBackoff, 2.0, 0.0, Duration.ofMillis(200), maxRetryAfter),
        new BulkheadSettings(maxConcurrentCalls));
  }

  /** The same settings for all four sources. */
  public SourcesProperties forAllSources() {
    SourceSettings settings = build();
    return new SourcesProperties(settings, settings, settings, settings);
  }
}
