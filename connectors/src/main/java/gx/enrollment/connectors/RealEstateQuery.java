package gx.enrollment.connectors;

import java.util.List;
import java.util.Objects;

/**
 * 不动产登记: is one of {@code ownerIdNumbers} an owner of the property with this certificate, and does
 * it lie in {@code regionCode} (a county, or a whole city when the code ends in {@code 00})?
 */
public record RealEstateQuery(
    List<String> ownerIdNumbers, String certificateNumber, String regionCode) {

  public RealEstateQuery {
    ownerIdNumbers = List.copyOf(ownerIdNumbers);
    Objects.requireNonNull(certificateNumber, "certificateNumber");
    Objects.requireNonNull(regionCode, "regionCode");
    if (ownerIdNumbers.isEmpty()) {
      throw new IllegalArgumentException("ownerIdNumbers is empty");
    }
  }

  @Override
  public String toString() {
    return "RealEstateQuery[owners=" + ownerIdNumbers.size() + ", regionCode=" + regionCode + "]";
  }
}
