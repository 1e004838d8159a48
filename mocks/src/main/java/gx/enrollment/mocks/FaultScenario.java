package gx.enrollment.mocks;

import java.time.Duration;

/**
 * How a stub misbehaves, switchable at run time per upstream with {@link
 * GovernmentStubs#fault(Upstream, FaultScenario)} or {@code POST /__admin/ext/fault}.
 *
 * @param type what happens
 * @param delay how long {@link Type#LATENCY} and {@link Type#HANG} wait before answering; zero
 *     otherwise
 * @param retryAfterSeconds the {@code Retry-After} of {@link Type#TOO_MANY_REQUESTS}; zero
 *     otherwise
 * @param failures how many requests {@link Type#FLAKY} fails before answering normally; zero
 *     otherwise
 */
public record FaultScenario(Type type, Duration delay, int retryAfterSeconds, int failures) {

  /** How long {@link #hang()} keeps a request waiting: longer than any sane client timeout. */
  public static final Duration DEFAULT_HANG = Duration.ofSeconds(60);

  /** The longest delay the stubs can hold a response for. */
  public static final Duration MAX_DELAY = Duration.ofMinutes(10);

  /** The kinds of fault. */
  public enum Type {
    /** Normal answers. */
    NONE,
    /** The real answer, after a fixed delay. */
    LATENCY,
    /** {@code 503} with a {@code {"code","message"}} body. */
    SERVICE_UNAVAILABLE,
    /** {@code 429} with {@code Retry-After}. */
    TOO_MANY_REQUESTS,
    /** The connection is reset by the peer, no response. */
    CONNECTION_RESET,
    /** {@code 200} whose body is not JSON. */
    MALFORMED_BODY,
    /** {@code 200} JSON whose {@code status} is {@code SUSPENDED}, a value the contract lacks. */
    UNDOCUMENTED_STATUS,
    /** {@code 200} JSON without {@code status}. */
    MISSING_FIELD,
    /** The real answer, only after {@link #DEFAULT_HANG} (or the given delay). */
    HANG,
    /** The next {@code failures} requests get {@code 503}, then normal answers. */
    FLAKY
  }

  public FaultScenario {
    if (delay.isNegative() || delay.compareTo(MAX_DELAY) > 0) {
      throw new IllegalArgumentException("delay must be between 0 and " + MAX_DELAY + ": " + delay);
    }
    if (retryAfterSeconds < 0) {
      throw new IllegalArgumentException("retryAfterSeconds must not be negative");
    }
    if (type == Type.FLAKY && failures < 1) {
      throw new IllegalArgumentException("FLAKY needs at least one failure");
    }
  }

  public static FaultScenario none() {
    return of(Type.NONE);
  }

  public static FaultScenario latency(Duration delay) {
    return new FaultScenario(Type.LATENCY, delay, 0, 0);
  }

  public static FaultScenario serviceUnavailable() {
    return of(Type.SERVICE_UNAVAILABLE);
  }

  public static FaultScenario tooManyRequests(int retryAfterSeconds) {
    return new FaultScenario(Type.TOO_MANY_REQUESTS, Duration.ZERO, retryAfterSeconds, 0);
  }

  public static FaultScenario connectionReset() {
    return of(Type.CONNECTION_RESET);
  }

  public static FaultScenario malformedBody() {
    return of(Type.MALFORMED_BODY);
  }

  public static FaultScenario undocumentedStatus() {
    return of(Type.UNDOCUMENTED_STATUS);
  }

  public static FaultScenario missingField() {
    return of(Type.MISSING_FIELD);
  }

  public static FaultScenario hang() {
    return hang(DEFAULT_HANG);
  }

  public static FaultScenario hang(Duration delay) {
    return new FaultScenario(Type.HANG, delay, 0, 0);
  }

  public static FaultScenario flaky(int failures) {
    return new FaultScenario(Type.FLAKY, Duration.ZERO, 0, failures);
  }

  private static FaultScenario of(Type type) {
    return new FaultScenario(type, Duration.ZERO, 0, 0);
  }

  /** E.g. {@code LATENCY(800 ms)}, {@code FLAKY(2)}, {@code NONE}. */
  public String describe() {
    return switch (type) {
      case LATENCY, HANG -> type + "(" + delay.toMillis() + " ms)";
      case TOO_MANY_REQUESTS -> type + "(Retry-After " + retryAfterSeconds + " s)";
      case FLAKY -> type + "(" + failures + ")";
      default -> type.name();
    };
  }
}
