package gx.enrollment.gateway.config;

import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Renders bound settings the way operators write them: records as maps under the file's kebab-case
 * keys, durations as {@code 500ms}/{@code 1s}/{@code 10m}, and secrets masked. A value is a secret
 * when its key is {@code token}, {@code password} or {@code secret}, ends in {@code -key}, {@code
 * -token} or {@code -secret}, or is a map of {@code keys}; it shows as {@code ****} and its last
 * two characters (only {@code ****} when shorter than 12).
 */
final class SettingsView {

  private static final Pattern SECRET =
      Pattern.compile("(token|password|secret|keys|.*-(key|token|secret|password))");

  private SettingsView() {}

  static @Nullable Object of(@Nullable Object value) {
    return render(value, false);
  }

  private static @Nullable Object render(@Nullable Object value, boolean secret) {
    if (value == null) {
      return null;
    }
    if (secret) {
      return value instanceof Map<?, ?> map ? maskAll(map) : mask(String.valueOf(value));
    }
    if (value instanceof Duration duration) {
      return duration(duration);
    }
    if (value instanceof CharSequence
        || value instanceof Number
        || value instanceof Boolean
        || value instanceof URI
        || value instanceof Enum<?>) {
      return value instanceof Number || value instanceof Boolean ? value : value.toString();
    }
    if (value instanceof Collection<?> collection) {
      List<Object> list = new ArrayList<>();
      collection.forEach(item -> list.add(render(item, false)));
      return list;
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> rendered = new LinkedHashMap<>();
      map.forEach(
          (key, item) -> {
            String name = String.valueOf(key);
            rendered.put(name, render(item, isSecret(name)));
          });
      return rendered;
    }
    if (value.getClass().isRecord()) {
      Map<String, Object> rendered = new LinkedHashMap<>();
      for (RecordComponent component : value.getClass().getRecordComponents()) {
        String name = kebab(component.getName());
        Object item;
        try {
          item = component.getAccessor().invoke(value);
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException("cannot read " + name + " of " + value.getClass(), e);
        }
        rendered.put(name, render(item, isSecret(name)));
      }
      return rendered;
    }
    return value.toString();
  }

  private static boolean isSecret(String key) {
    return SECRET.matcher(key.toLowerCase(Locale.ROOT)).matches();
  }

  private static Map<String, String> maskAll(Map<?, ?> map) {
    Map<String, String> masked = new LinkedHashMap<>();
    map.forEach((key, item) -> masked.put(String.valueOf(key), mask(String.valueOf(item))));
    return masked;
  }

  static String mask(String secret) {
    return secret.length() < 12 ? "****" : "****" + secret.substring(secret.length() - 2);
  }

  /** {@code attemptTimeout} → {@code attempt-timeout}. */
  static String kebab(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }

  /** The largest unit that states {@code duration} exactly: 500ms, 1s, 90s, 10m, 2h, 1d. */
  static String duration(Duration duration) {
    long millis = duration.toMillis();
    if (millis == 0 || millis % 1000 != 0 || !duration.equals(Duration.ofMillis(millis))) {
      return duration.equals(Duration.ofMillis(millis)) ? millis + "ms" : duration.toString();
    }
    long seconds = millis / 1000;
    if (seconds % 86_400 == 0) {
      return seconds / 86_400 + "d";
    }
    if (seconds % 3600 == 0) {
      return seconds / 3600 + "h";
    }
    if (seconds % 60 == 0) {
      return seconds / 60 + "m";
    }
    return seconds + "s";
  }
}
