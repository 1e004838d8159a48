package gx.enrollment.mocks;

import java.time.Instant;
import java.util.Map;

/**
 * A message the SMS stub accepted.
 *
 * @param messageId the id the stub answered with
 * @param phone the destination mobile number
 * @param template the template name, e.g. {@code ENROLLMENT_STATUS}
 * @param params the template parameters
 * @param requestId the caller's {@code X-Request-Id}
 * @param acceptedAt when the stub accepted it
 */
public record SentSms(
    String messageId,
    String phone,
    String template,
    Map<String, String> params,
    String requestId,
    Instant acceptedAt) {

  public SentSms {
    params = Map.copyOf(params);
  }
}
