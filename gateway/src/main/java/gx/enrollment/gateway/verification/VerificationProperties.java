package gx.enrollment.gateway.verification;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the verification ({@code enrollment.verification.*}).
 *
 * @param deadline the longest a verification may take, whatever the sources do: every source that
 *     has not answered by then is reported {@code TIMEOUT}
 * @param recovery finishing submissions whose verifier died, and asking again sources that were
 *     unavailable
 */
@ConfigurationProperties("enrollment.verification")
@Validated
public record VerificationProperties(
    @NotNull @DefaultValue("3s") Duration deadline,
    @Valid @NotNull @DefaultValue Recovery recovery) {

  public VerificationProperties {
    if (deadline.isNegative() || deadline.isZero()) {
      throw new IllegalArgumentException("enrollment.verification.deadline must be positive");
    }
  }

  /**
   * @param enabled whether this instance runs the recovery passes (any number of instances may)
   * @param interval how often it looks for work
   * @param recheckAfter how long after a report with an unavailable source it asks that source
   *     again (once its circuit breaker is closed)
   * @param maxAttempts verifications of one application at most (the first included)
   * @param batchSize applications taken per pass
   */
  public record Recovery(
      @DefaultValue("true") boolean enabled,
      @NotNull @DefaultValue("5s") Duration interval,
      @NotNull @DefaultValue("60s") Duration recheckAfter,
      @Min(1) @Max(100) @DefaultValue("5") int maxAttempts,
      @Min(1) @Max(1000) @DefaultValue("20") int batchSize) {}
}
