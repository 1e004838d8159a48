package gx.enrollment.mocks.population;

import java.time.LocalDate;
import java.util.List;

/**
 * A registered property (不动产) as the real-estate register holds it.
 *
 * @param certificateNumber e.g. {@code 桂(2022)钦州市不动产权第0012345号}
 * @param address the property's address
 * @param regionCode where the property lies
 * @param ownerIdNumbers ID numbers of the registered owners
 * @param sealed whether it is under a court seal (查封)
 * @param mortgaged whether it is mortgaged
 * @param registeredOn the registration date
 */
public record Property(
    String certificateNumber,
    String address,
    String regionCode,
    List<String> ownerIdNumbers,
    boolean sealed,
    boolean mortgaged,
    LocalDate registeredOn) {

  public Property {
    ownerIdNumbers = List.copyOf(ownerIdNumbers);
  }

  /** Whether any of the given ID numbers is a registered owner. */
  public boolean ownedByAnyOf(List<String> idNumbers) {
    return idNumbers.stream().anyMatch(ownerIdNumbers::contains);
  }
}
