package gx.enrollment.gateway.config;

import java.util.function.Consumer;

/**
 * One part of a file of {@code config/} that a feature reads and can take anew while the gateway
 * runs: the keys under {@code prefix} in {@code file}, bound to {@code type} and validated like
 * start-up binds them. Declared as a {@code @Bean}; {@link ConfigurationFiles} groups the sections
 * by file.
 *
 * @param file the file's name inside the configuration folder, e.g. {@code connectors.yml}; it must
 *     be one of {@code spring.config.import} (an {@code optional:} one may be missing at start)
 * @param prefix the keys bound, e.g. {@code sources}
 * @param type the validated record they are bound to (a {@code @ConfigurationProperties} type)
 * @param initial the value bound at start, in force until the first reload that changes it
 * @param onChange told the new value after a valid edit changed it; called on the watcher's thread,
 *     never for an edit that is refused or leaves this section as it was
 * @param <T> the bound type
 */
public record ConfigSection<T>(
    String file, String prefix, Class<T> type, T initial, Consumer<? super T> onChange) {

  public static <T> ConfigSection<T> of(
      String file, String prefix, Class<T> type, T initial, Consumer<? super T> onChange) {
    return new ConfigSection<>(file, prefix, type, initial, onChange);
  }
}
