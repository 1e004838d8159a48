package gx.enrollment.connectors.resilience;

import gx.enrollment.connectors.Source;
import gx.enrollment.connectors.UnavailableReason;
import java.time.Duration;

/**
 * The source asked us (with {@code Retry-After} on a 429 or 503) to wait longer than we are willing
 * to, or longer than the verification's deadline leaves: we give up at once instead of waiting for
 * nothing.
 */
public final class RetryAfterRefusedException extends SourceUnavailableException {

  private static final long serialVersionUID = 1L;

  private RetryAfterRefusedException(Source source, String message, Throwable cause) {
    super(source, message, cause);
  }

  public static RetryAfterRefusedException beyondLimit(
      Source source, Duration retryAfter, Duration limit, UpstreamStatusException cause) {
    return new RetryAfterRefusedException(
        source, "asked to wait " + retryAfter + ", more than the allowed " + limit, cause);
  }

  public static RetryAfterRefusedException beyondDeadline(
      Source source, Duration retryAfter, UpstreamStatusException cause) {
    return new RetryAfterRefusedException(
        source, "asked to wait " + retryAfter + ", beyond the deadline", cause);
  }

  @Override
  public UnavailableReason reason() {
    return UnavailableReason.REJECTED;
  }

  @Override
  public boolean isTransient() {
    return false;
  }
}
