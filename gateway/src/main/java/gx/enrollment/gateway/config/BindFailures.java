package gx.enrollment.gateway.config;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.TextResourceOrigin;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/** Says which key of a file failed to bind, and why, in the file's own kebab-case terms. */
final class BindFailures {

  /**
   * @param key the first key at fault, e.g. {@code sources.household.attempt-timeout}
   * @param message every fault, e.g. {@code sources.household.attempt-timeout: must be at least 1
   *     ms (line 20)}
   */
  record Failure(String key, String message) {}

  private BindFailures() {}

  /**
   * @param lineOf where a key is written in the file, e.g. {@code " (line 20)"}, or {@code ""}
   */
  static Failure describe(BindException e, Function<String, String> lineOf) {
    BindValidationException validation = find(e, BindValidationException.class);
    if (validation != null) {
      List<String> keys = new ArrayList<>();
      Set<String> messages = new LinkedHashSet<>();
      for (ObjectError error : validation.getValidationErrors()) {
        String key =
            error instanceof FieldError field
                ? field.getObjectName() + "." + SettingsView.kebab(field.getField())
                : error.getObjectName();
        keys.add(key);
        String line = line(Origin.from(error));
        messages.add(
            key + ": " + error.getDefaultMessage() + (line.isEmpty() ? lineOf.apply(key) : line));
      }
      if (!keys.isEmpty()) {
        return new Failure(keys.get(0), String.join("; ", messages));
      }
    }
    ConfigurationProperty property = e.getProperty();
    String key = property != null ? property.getName().toString() : e.getName().toString();
    String reason = rootMessage(e);
    if (reason.startsWith(e.getName().toString() + ".")) {
      // A rule of the settings record itself, already naming its key.
      int colon = reason.indexOf(": ");
      return new Failure(colon > 0 ? reason.substring(0, colon) : key, reason);
    }
    String line = property != null ? line(property.getOrigin()) : "";
    line = line.isEmpty() ? lineOf.apply(key) : line;
    return new Failure(key, key + ": " + reason + line);
  }

  static String line(@Nullable Origin origin) {
    while (origin != null && !(origin instanceof TextResourceOrigin)) {
      origin = origin.getParent();
    }
    if (origin instanceof TextResourceOrigin text && text.getLocation() != null) {
      return " (line " + (text.getLocation().getLine() + 1) + ")";
    }
    return "";
  }

  private static String rootMessage(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    String message = cause.getMessage();
    return message == null ? cause.getClass().getSimpleName() : message;
  }

  @SuppressWarnings("unchecked")
  private static <T extends Throwable> @Nullable T find(Throwable e, Class<T> type) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return (T) cause;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return null;
  }
}
