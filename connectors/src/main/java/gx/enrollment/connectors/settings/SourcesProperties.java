package gx.enrollment.connectors.settings;

import gx.enrollment.connectors.Source;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The settings of every government source, bound from {@code sources.*} (kebab-case keys, e.g.
 * {@code sources.residence-permit.attempt-timeout}). Every source must be configured in full: a
 * missing block or key is refused at start-up with a message naming it.
 *
 * @param household 户籍 (public security), {@code sources.household}
 * @param residencePermit 居住证 (public security), {@code sources.residence-permit}
 * @param socialSecurity 社保 (human resources and social security), {@code sources.social-security}
 * @param realEstate 不动产登记 (natural resources), {@code sources.real-estate}
 */
@ConfigurationProperties("sources")
@Validated
public record SourcesProperties(
    @Valid @NotNull SourceSettings household,
    @Valid @NotNull SourceSettings residencePermit,
    @Valid @NotNull SourceSettings socialSecurity,
    @Valid @NotNull SourceSettings realEstate) {

  /** The settings of {@code source}. */
  public SourceSettings forSource(Source source) {
    return switch (source) {
      case HOUSEHOLD -> household;
      case RESIDENCE_PERMIT -> residencePermit;
      case SOCIAL_SECURITY -> socialSecurity;
      case REAL_ESTATE -> realEstate;
    };
  }
}
