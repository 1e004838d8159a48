package gx.enrollment.mocks.population;

import java.time.LocalDate;

/**
 * A residence permit (居住证) held by a family's guardian.
 *
 * @param regionCode where it was issued; it is valid in that region's city
 * @param validFrom first day of validity
 * @param validTo last day of validity
 */
public record Permit(String regionCode, LocalDate validFrom, LocalDate validTo) {

  /** Whether the permit is valid on the given day. */
  public boolean validOn(LocalDate day) {
    return !day.isBefore(validFrom) && !day.isAfter(validTo);
  }
}
