package gx.enrollment.connectors;

import java.util.Objects;

/** 居住证: does the guardian hold a valid permit in the city of {@code regionCode}? */
public record ResidencePermitQuery(Person guardian, String regionCode) {

  public ResidencePermitQuery {
    Objects.requireNonNull(guardian, "guardian");
    Objects.requireNonNull(regionCode, "regionCode");
  }
}
