package gx.enrollment.mocks.population;

import java.time.LocalDate;

/**
 * A person as the household register (户籍) records them.
 *
 * @param idNumber the 18-character resident ID number
 * @param name the registered name
 * @param hukouRegion the GB/T 2260 code of the registered residence
 * @param localHukou whether the hukou is in Guangxi ({@code hukouType: LOCAL})
 */
public record Resident(String idNumber, String name, String hukouRegion, boolean localHukou) {

  /** A resident whose {@code localHukou} follows from the region (Guangxi codes start with 45). */
  public static Resident of(String idNumber, String name, String hukouRegion) {
    return new Resident(idNumber, name, hukouRegion, hukouRegion.startsWith("45"));
  }

  /** The birth date encoded in the ID number. */
  public LocalDate birthDate() {
    return ResidentIdNumber.birthDate(idNumber);
  }

  /** Whether the ID number marks a woman. */
  public boolean female() {
    return ResidentIdNumber.isFemale(idNumber);
  }
}
