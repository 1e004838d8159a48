package gx.enrollment.gateway.submission;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Collects every bad field of one request, with the small checks fields have in common. */
final class FieldErrors {

  private final List<FieldError> errors = new ArrayList<>();

  void add(String field, String code, String message) {
    errors.add(new FieldError(field, code, message));
  }

  List<FieldError> list() {
    return List.copyOf(errors);
  }

  boolean isEmpty() {
    return errors.isEmpty();
  }

  /** The value, or {@code null} after recording {@code REQUIRED} when it is missing or blank. */
  @Nullable String required(String field, @Nullable String value) {
    if (value == null || value.isBlank()) {
      add(field, "REQUIRED", field + " is required");
      return null;
    }
    return value;
  }

  <T> @Nullable T required(String field, @Nullable T value) {
    if (value == null) {
      add(field, "REQUIRED", field + " is required");
    }
    return value;
  }

  /** Records {@code NOT_ALLOWED} when a value is present that the form does not allow. */
  void notAllowed(String field, @Nullable Object value, String why) {
    if (value != null) {
      add(field, "NOT_ALLOWED", field + " is not allowed " + why);
    }
  }

  /** The enum constant named {@code value}, or {@code null} after recording why not. */
  <E extends Enum<E>> @Nullable E enumValue(String field, @Nullable String value, Class<E> type) {
    if (required(field, value) == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      add(field, "UNKNOWN_VALUE", field + " must be one of " + names(type));
      return null;
    }
  }

  /** The enum constant, {@code null} when absent (no error) or unknown (error recorded). */
  <E extends Enum<E>> @Nullable E optionalEnumValue(
      String field, @Nullable String value, Class<E> type) {
    return value == null ? null : enumValue(field, value, type);
  }

  /** The value when it matches {@code pattern}; otherwise records {@code INVALID_FORMAT}. */
  @Nullable String matching(String field, @Nullable String value, Pattern pattern, String format) {
    if (required(field, value) == null) {
      return null;
    }
    if (!pattern.matcher(value).matches()) {
      add(field, "INVALID_FORMAT", field + " must be " + format);
      return null;
    }
    return value;
  }

  private static <E extends Enum<E>> String names(Class<E> type) {
    StringBuilder names = new StringBuilder();
    for (E constant : type.getEnumConstants()) {
      if (names.length() > 0) {
        names.append(", ");
      }
      names.append(constant.name());
    }
    return names.toString().toUpperCase(Locale.ROOT);
  }
}
