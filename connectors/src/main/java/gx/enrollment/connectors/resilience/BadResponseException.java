package gx.enrollment.connectors.resilience;

import gx.enrollment.connectors.Source;
import gx.enrollment.connectors.UnavailableReason;
import org.jspecify.annotations.Nullable;

/**
 * The source answered, but not with what its contract promises: an undocumented HTTP status, a body
 * that is not JSON, a missing or ill-typed field, or a value the contract does not list. Never
 * retried (the same question would get the same answer) and never read as a match.
 *
 * <p>Messages name the field, never its value beyond a short prefix, so that personal data sent by
 * a misbehaving source does not end up in logs.
 */
public final class BadResponseException extends SourceUnavailableException {

  private static final long serialVersionUID = 1L;

  private static final int MAX_ECHOED_CHARS = 24;

  private BadResponseException(Source source, String message, @Nullable Throwable cause) {
    super(source, message, cause);
  }

  public static BadResponseException undocumentedStatus(Source source, int status) {
    return new BadResponseException(source, "answered undocumented HTTP " + status, null);
  }

  public static BadResponseException notJson(Source source, Throwable cause) {
    return new BadResponseException(source, "body is not JSON", cause);
  }

  public static BadResponseException notAnObject(Source source) {
    return new BadResponseException(source, "body is not a JSON object", null);
  }

  public static BadResponseException tooLarge(Source source, Throwable cause) {
    return new BadResponseException(source, "body is too large", cause);
  }

  public static BadResponseException missingField(Source source, String field) {
    return new BadResponseException(source, "field '" + field + "' is missing", null);
  }

  public static BadResponseException wrongType(Source source, String field, String expected) {
    return new BadResponseException(
        source, "field '" + field + "' is not " + expected + " as documented", null);
  }

  public static BadResponseException undocumentedValue(Source source, String field, String value) {
    String echoed =
        value.length() > MAX_ECHOED_CHARS ? value.substring(0, MAX_ECHOED_CHARS) + "…" : value;
    return new BadResponseException(
        source, "field '" + field + "' has undocumented value '" + echoed + "'", null);
  }

  @Override
  public UnavailableReason reason() {
    return UnavailableReason.BAD_RESPONSE;
  }

  @Override
  public boolean isTransient() {
    return false;
  }
}
