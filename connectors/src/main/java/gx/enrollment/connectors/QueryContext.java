package gx.enrollment.connectors;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What travels with every query besides its question.
 *
 * @param requestId sent as {@code X-Request-Id}; unique per check, the same on its retries
 * @param deadline the instant by which the connector answers, whatever the source does
 * @param purpose the legal purpose of the query, sent as {@code X-Purpose} ({@link #ENROLLMENT})
 * @param consentId what the query is made under, sent as {@code X-Consent-Id}: the guardian's
 *     online consent id, or the stand-in of a submission made at a counter
 */
public record QueryContext(String requestId, Instant deadline, String purpose, String consentId) {

  /** The one purpose the sources' contract knows (UPSTREAMS.md, {@code X-Purpose}). */
  public static final String ENROLLMENT = "ENROLLMENT";

  /** Header values must be visible ASCII: no line break can smuggle another header in. */
  private static final Pattern HEADER_TOKEN = Pattern.compile("[\\x21-\\x7E]{1,128}");

  public QueryContext {
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(deadline, "deadline");
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(consentId, "consentId");
    if (!HEADER_TOKEN.matcher(purpose).matches()) {
      throw new IllegalArgumentException("purpose must be 1 to 128 visible ASCII characters");
    }
    if (!HEADER_TOKEN.matcher(consentId).matches()) {
      throw new IllegalArgumentException("consentId must be 1 to 128 visible ASCII characters");
    }
  }

  /** A query for enrollment under {@code consentId}. */
  public static QueryContext forEnrollment(String requestId, Instant deadline, String consentId) {
    return new QueryContext(requestId, deadline, ENROLLMENT, consentId);
  }
}
