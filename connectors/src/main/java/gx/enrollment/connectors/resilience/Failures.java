package gx.enrollment.connectors.resilience;

import gx.enrollment.connectors.UnavailableReason;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.util.concurrent.TimeoutException;

/** How every failure of a guarded call is judged: the one table the whole stack consults. */
final class Failures {

  private Failures() {}

  /** The reason a failure is reported as. */
  static UnavailableReason reasonFor(Throwable failure) {
    if (failure instanceof SourceUnavailableException unavailable) {
      return unavailable.reason();
    }
    if (failure instanceof TimeoutException) {
      return UnavailableReason.TIMEOUT;
    }
    if (failure instanceof CallNotPermittedException) {
      return UnavailableReason.CIRCUIT_OPEN;
    }
    if (failure instanceof BulkheadFullException) {
      return UnavailableReason.REJECTED;
    }
    return UnavailableReason.UPSTREAM_ERROR;
  }

  /** Whether the failure is one we anticipate (anything else is a bug worth a stack trace). */
  static boolean isAnticipated(Throwable failure) {
    return failure instanceof SourceUnavailableException
        || failure instanceof TimeoutException
        || failure instanceof CallNotPermittedException
        || failure instanceof BulkheadFullException;
  }

  /**
   * Whether another attempt may help: connection errors, attempt timeouts, 429 and 5xx. Never 400,
   * 401, a bad response, an open breaker or a full bulkhead.
   */
  static boolean isTransient(Throwable failure) {
    return failure instanceof TimeoutException
        || (failure instanceof SourceUnavailableException unavailable && unavailable.isTransient());
  }

  /** Whether the circuit breaker should ignore the failure: it is our side's, not the source's. */
  static boolean isOurSide(Throwable failure) {
    return failure instanceof BulkheadFullException
        || (failure instanceof SourceUnavailableException unavailable
            && !unavailable.isSourceFault());
  }
}
