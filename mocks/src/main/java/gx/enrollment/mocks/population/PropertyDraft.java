package gx.enrollment.mocks.population;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A property owned by the family's guardian unless another owner is named. */
final class PropertyDraft {
  private final String certificate;
  private final String address;
  private final String regionCode;
  private final LocalDate registeredOn;
  private final @Nullable String otherOwner;
  private boolean sealed;
  private boolean mortgaged;

  PropertyDraft(
      String certificate,
      String address,
      String regionCode,
      String registeredOn,
      @Nullable String otherOwner) {
    this.certificate = certificate;
    this.address = address;
    this.regionCode = regionCode;
    this.registeredOn = LocalDate.parse(registeredOn);
    this.otherOwner = otherOwner;
  }

  PropertyDraft sealed() {
    sealed = true;
    return this;
  }

  PropertyDraft mortgaged() {
    mortgaged = true;
    return this;
  }

  Property ownedBy(Resident guardian) {
    String owner = otherOwner != null ? otherOwner : guardian.idNumber();
    return new Property(
        certificate, address, regionCode, List.of(owner), sealed, mortgaged, registeredOn);
  }
}
