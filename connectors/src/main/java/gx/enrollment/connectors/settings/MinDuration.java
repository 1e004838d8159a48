package gx.enrollment.connectors.settings;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The annotated {@link java.time.Duration} must be at least {@link #millis()} milliseconds ({@code
 * null} is valid; combine with {@code @NotNull}). Spring Boot 4 no longer ships {@code
 * org.springframework.boot.convert.DurationMin}, hence this small constraint.
 */
@Documented
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
@Constraint(validatedBy = MinDurationValidator.class)
public @interface MinDuration {

  /** The smallest allowed duration, in milliseconds. */
  long millis();

  String message() default "must be at least {millis} ms";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
