package gx.enrollment.connectors.settings;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** Checks {@link MinDuration}. Public because validation providers instantiate it reflectively. */
public final class MinDurationValidator implements ConstraintValidator<MinDuration, Duration> {

  private Duration minimum = Duration.ZERO;

  @Override
  public void initialize(MinDuration annotation) {
    minimum = Duration.ofMillis(annotation.millis());
  }

  @Override
  public boolean isValid(@Nullable Duration value, ConstraintValidatorContext context) {
    return value == null || value.compareTo(minimum) >= 0;
  }
}
