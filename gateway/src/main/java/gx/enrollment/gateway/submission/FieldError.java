package gx.enrollment.gateway.submission;

import java.util.Objects;

/**
 * One bad field of a request, as API errors list them.
 *
 * @param field the JSON path of the field, e.g. {@code guardian.phone}
 * @param code a stable machine-readable code, e.g. {@code ID_CHECK_CHARACTER}
 * @param message what is wrong, for a person
 */
public record FieldError(String field, String code, String message) {

  public FieldError {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }
}
