package gx.enrollment.connectors;

import java.util.Objects;

/**
 * 社保: is the guardian contributing in the city of {@code regionCode}, for at least the region's
 * policy minimum of continuous months?
 */
public record SocialSecurityQuery(Person guardian, String regionCode, int minimumContinuousMonths) {

  public SocialSecurityQuery {
    Objects.requireNonNull(guardian, "guardian");
    Objects.requireNonNull(regionCode, "regionCode");
    if (minimumContinuousMonths < 0) {
      throw new IllegalArgumentException("minimumContinuousMonths < 0");
    }
  }
}
