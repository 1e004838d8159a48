package gx.enrollment.gateway.policy;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The pilot areas and age rules of {@link RegionsProperties}, resolved for lookups. */
public final class RegionDirectory {

  private final Map<String, PilotArea> areas = new LinkedHashMap<>();
  private final Map<String, RegionsProperties.ExcludedArea> excluded = new LinkedHashMap<>();
  private final RegionsProperties.Ages ages;

  public RegionDirectory(RegionsProperties properties) {
    int defaultMonths = properties.defaults().minimumSocialSecurityMonths();
    for (RegionsProperties.Area area : properties.areas()) {
      int months =
          area.minimumSocialSecurityMonths() == null
              ? defaultMonths
              : area.minimumSocialSecurityMonths();
      areas.put(
          area.code(),
          new PilotArea(
              area.code(),
              area.city(),
              area.name(),
              area.form(),
              area.phones(),
              properties.consultationHours(),
              months));
    }
    properties.excluded().forEach(area -> excluded.put(area.code(), area));
    this.ages = properties.ages();
  }

  public Optional<PilotArea> area(String code) {
    return Optional.ofNullable(areas.get(code));
  }

  /** The reason an area inside a pilot city is not in the pilot, if it is one of those. */
  public Optional<String> exclusionReason(String code) {
    return Optional.ofNullable(excluded.get(code)).map(RegionsProperties.ExcludedArea::reason);
  }

  public List<PilotArea> areas() {
    return List.copyOf(areas.values());
  }

  /** The day of {@code schoolYear} on which a child's age counts. */
  public LocalDate ageReferenceDate(int schoolYear) {
    return MonthDay.parse("--" + ages.referenceDate()).atYear(schoolYear);
  }

  /** The ages admitted to {@code stage}. */
  public RegionsProperties.AgeRange ages(Stage stage) {
    return switch (stage) {
      case PRIMARY -> ages.primary();
      case JUNIOR -> ages.junior();
    };
  }
}
