package gx.enrollment.connectors;

import java.time.Instant;
import java.util.Objects;

/**
 * What travels with every query besides its question.
 *
 * @param requestId sent as {@code X-Request-Id}; unique per check, the same on its retries
 * @param deadline the instant by which the connector answers, whatever the source does
 */
public record QueryContext(String requestId, Instant deadline) {

  public QueryContext {
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(deadline, "deadline");
  }
}
