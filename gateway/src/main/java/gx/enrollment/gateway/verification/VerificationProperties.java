package gx.enrollment.gateway.verification;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the verification endpoint ({@code enrollment.verification.*}).
 *
 * @param deadline the longest a verification may take, whatever the sources do: every source that
 *     has not answered by then is reported {@code TIMEOUT}
 */
@ConfigurationProperties("enrollment.verification")
@Validated
public record VerificationProperties(@NotNull @DefaultValue("3s") Duration deadline) {

  public VerificationProperties {
    if (deadline.isNegative() || deadline.isZero()) {
      throw new IllegalArgumentException("enrollment.verification.deadline must be positive");
    }
  }
}
