package gx.enrollment.gateway.policy;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The pilot areas and age rules of {@link RegionsProperties}, resolved for lookups. {@link
 * #reload(RegionsProperties)} puts a new {@code regions.yml} in force while the gateway runs; every
 * lookup reads the one in force.
 */
public final class RegionDirectory {

  /** One {@code regions.yml}, resolved; never changed once built. */
  private record Snapshot(
      RegionsProperties properties,
      Map<String, PilotArea> areas,
      Map<String, RegionsProperties.ExcludedArea> excluded) {

    static Snapshot of(RegionsProperties properties) {
      Map<String, PilotArea> areas = new LinkedHashMap<>();
      Map<String, RegionsProperties.ExcludedArea> excluded = new LinkedHashMap<>();
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
      return new Snapshot(
          properties, Collections.unmodifiableMap(areas), Collections.unmodifiableMap(excluded));
    }
  }

  private final AtomicReference<Snapshot> current;

  public RegionDirectory(RegionsProperties properties) {
    this.current = new AtomicReference<>(Snapshot.of(properties));
  }

  /** Puts {@code properties} in force for every later lookup. */
  public void reload(RegionsProperties properties) {
    current.set(Snapshot.of(properties));
  }

  /** The {@code regions.yml} in force. */
  public RegionsProperties properties() {
    return current.get().properties();
  }

  public Optional<PilotArea> area(String code) {
    return Optional.ofNullable(current.get().areas().get(code));
  }

  /** The reason an area inside a pilot city is not in the pilot, if it is one of those. */
  public Optional<String> exclusionReason(String code) {
    return Optional.ofNullable(current.get().excluded().get(code))
        .map(RegionsProperties.ExcludedArea::reason);
  }

  public List<PilotArea> areas() {
    return List.copyOf(current.get().areas().values());
  }

  /** The areas inside the pilot cities but outside the pilot. */
  public List<RegionsProperties.ExcludedArea> excluded() {
    return current.get().properties().excluded();
  }

  /** When parents may call the consultation phones. */
  public String consultationHours() {
    return current.get().properties().consultationHours();
  }

  /** The day of {@code schoolYear} on which a child's age counts. */
  public LocalDate ageReferenceDate(int schoolYear) {
    return MonthDay.parse("--" + current.get().properties().ages().referenceDate())
        .atYear(schoolYear);
  }

  /** The ages admitted to {@code stage}. */
  public RegionsProperties.AgeRange ages(Stage stage) {
    RegionsProperties.Ages ages = current.get().properties().ages();
    return switch (stage) {
      case PRIMARY -> ages.primary();
      case JUNIOR -> ages.junior();
    };
  }
}
