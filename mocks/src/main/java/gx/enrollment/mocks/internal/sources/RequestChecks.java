package gx.enrollment.mocks.internal.sources;

import com.github.tomakehurst.wiremock.http.Request;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.jspecify.annotations.Nullable;

/**
 * The checks every source makes before reading the body: the bearer token (else {@code 401}), then
 * {@code X-Request-Id} and {@code X-Purpose: ENROLLMENT} (else {@code 400}).
 */
final class RequestChecks {

  static final String REQUEST_ID = "X-Request-Id";
  static final String PURPOSE = "X-Purpose";
  static final String ENROLLMENT = "ENROLLMENT";
  private static final String BEARER = "Bearer ";

  private final byte[] expectedToken;

  RequestChecks(String token) {
    this.expectedToken = token.getBytes(StandardCharsets.UTF_8);
  }

  /** The request's {@code X-Request-Id}, once the request has passed every header check. */
  String verify(Request request) {
    if (!authorized(request.getHeader("Authorization"))) {
      throw RequestRejected.unauthorized();
    }
    String requestId = request.getHeader(REQUEST_ID);
    if (requestId == null || requestId.isBlank()) {
      throw RequestRejected.badRequest("MISSING_REQUEST_ID", REQUEST_ID + " header is required");
    }
    if (!ENROLLMENT.equals(request.getHeader(PURPOSE))) {
      throw RequestRejected.badRequest("INVALID_PURPOSE", PURPOSE + " must be " + ENROLLMENT);
    }
    return requestId;
  }

  private boolean authorized(@Nullable String authorization) {
    if (authorization == null
        || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return false;
    }
    byte[] token =
        authorization.substring(BEARER.length()).strip().getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(token, expectedToken);
  }
}
