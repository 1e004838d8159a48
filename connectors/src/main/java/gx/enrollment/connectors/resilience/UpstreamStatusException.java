package gx.enrollment.connectors.resilience;

import gx.enrollment.connectors.Source;
import gx.enrollment.connectors.UnavailableReason;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The source answered with one of the error statuses of its contract: 400 (our request is
 * malformed), 401 (our token is wrong), 429 (too many requests) or 500/502/503/504 (the source is
 * in trouble). Any other non-200 status is a {@link BadResponseException}.
 */
public final class UpstreamStatusException extends SourceUnavailableException {

  private static final long serialVersionUID = 1L;

  private static final Set<Integer> DOCUMENTED = Set.of(400, 401, 429, 500, 502, 503, 504);
  private static final Set<Integer> TRANSIENT = Set.of(429, 500, 502, 503, 504);

  private final int status;
  private final @Nullable Duration retryAfter;

  private UpstreamStatusException(Source source, int status, @Nullable Duration retryAfter) {
    super(
        source,
        "answered HTTP " + status + (retryAfter == null ? "" : " (Retry-After " + retryAfter + ")"),
        null);
    this.status = status;
    this.retryAfter = retryAfter;
  }

  /** Whether {@code status} is an error status the common contract documents. */
  public static boolean isDocumented(int status) {
    return DOCUMENTED.contains(status);
  }

  /**
   * @param retryAfter the {@code Retry-After} the source sent with a 429 or 503, or {@code null}
   * @throws IllegalArgumentException if {@code status} is not {@linkplain #isDocumented documented}
   */
  public static UpstreamStatusException of(
      Source source, int status, @Nullable Duration retryAfter) {
    if (!isDocumented(status)) {
      throw new IllegalArgumentException("HTTP " + status + " is not a documented error status");
    }
    return new UpstreamStatusException(source, status, retryAfter);
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** How long the source asked us to wait before trying again, if it said. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  @Override
  public UnavailableReason reason() {
    return status == 429 ? UnavailableReason.REJECTED : UnavailableReason.UPSTREAM_ERROR;
  }

  @Override
  public boolean isTransient() {
    return TRANSIENT.contains(status);
  }

  /** 400 and 401 are our request's or our configuration's fault, not the source's. */
  @Override
  public boolean isSourceFault() {
    return status != 400 && status != 401;
  }
}
