package gx.enrollment.gateway.notify;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The SMS gateway ({@code sms.*} in {@code config/connectors.yml}).
 *
 * @param baseUrl scheme, host and port; {@code /sms/v1/messages} is appended
 * @param token the Bearer secret
 * @param timeout one request; without an answer by then the outcome is unknown and the notice is
 *     not sent again (the gateway cannot deduplicate)
 * @param maxAttempts sends of one notice at most while the gateway refuses it (429, 5xx, refused
 *     connection: known not sent)
 * @param circuitBreakerWait how long sending pauses after repeated refusals
 * @param enabled whether this instance sends notices
 */
@ConfigurationProperties("sms")
@Validated
public record SmsProperties(
    @NotNull URI baseUrl,
    @NotBlank String token,
    @NotNull @DefaultValue("2s") Duration timeout,
    @Min(1) @Max(20) @DefaultValue("5") int maxAttempts,
    @NotNull @DefaultValue("30s") Duration circuitBreakerWait,
    @DefaultValue("true") boolean enabled) {

  @Override
  public String toString() {
    return "SmsProperties[baseUrl=" + baseUrl + ", token=(hidden), timeout=" + timeout + "]";
  }
}
