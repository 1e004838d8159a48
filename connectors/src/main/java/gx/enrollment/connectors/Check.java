package gx.enrollment.connectors;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One fact and what the source said about it.
 *
 * @param detail a short human-readable explanation without personal data (e.g. "8 of 12 months"),
 *     or {@code null}
 */
public record Check(Fact fact, CheckResult result, @Nullable String detail) {

  public Check {
    Objects.requireNonNull(fact, "fact");
    Objects.requireNonNull(result, "result");
  }

  public static Check of(Fact fact, CheckResult result) {
    return new Check(fact, result, null);
  }
}
