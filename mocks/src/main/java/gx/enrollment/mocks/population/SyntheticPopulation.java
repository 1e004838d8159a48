package gx.enrollment.mocks.population;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The people the stubbed government sources know: families with their household-register entries,
 * residence permits, social-security records and properties. {@link #standard()} is deterministic:
 * the hand-written families of {@link FamilyKeys} plus {@value #GENERATED_PER_COUNTY} generated,
 * fully consistent families per {@link PilotCounty}.
 *
 * <p>Dates that decide validity (permits, last paid month) are relative to the clock's today;
 * everything else is fixed.
 */
public final class SyntheticPopulation {

  /** The time zone of the sources: a permit is valid "today" in Beijing time. */
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  static final int GENERATED_PER_COUNTY = 4;

  private final Clock clock;
  private final List<Family> families;
  private final Map<String, Family> byKey = new LinkedHashMap<>();
  private final Map<String, Resident> register = new HashMap<>();
  private final Map<String, Guardianship> guardianships = new HashMap<>();
  private final Map<String, Family> byGuardian = new HashMap<>();
  private final Map<String, Property> properties = new HashMap<>();

  private SyntheticPopulation(Clock clock, List<Family> families) {
    this.clock = clock;
    this.families = List.copyOf(families);
    Set<String> ids = new HashSet<>();
    for (Family family : this.families) {
      index(family, ids);
    }
  }

  /** The standard population on the system clock in {@link #ZONE}. */
  public static SyntheticPopulation standard() {
    return standard(Clock.system(ZONE));
  }

  /** The standard population, with validity dates relative to the clock's today. */
  public static SyntheticPopulation standard(Clock clock) {
    LocalDate today = LocalDate.now(clock);
    List<Family> named = new NamedFamilies(today).all();
    Set<String> ids = new HashSet<>();
    Set<String> phones = new HashSet<>();
    Set<String> certificates = new HashSet<>();
    for (Family family : named) {
      ids.add(family.child().idNumber());
      ids.add(family.guardian().idNumber());
      phones.add(family.phone());
      if (family.property() != null) {
        ids.addAll(family.property().ownerIdNumbers());
        certificates.add(family.property().certificateNumber());
      }
    }
    List<Family> all = new ArrayList<>(named);
    all.addAll(
        new FamilyGenerator(today, ids, phones, certificates).generate(GENERATED_PER_COUNTY));
    return new SyntheticPopulation(clock, all);
  }

  /**
   * A population of exactly these families, e.g. for a test that needs one particular case.
   *
   * @throws IllegalArgumentException if two families share a key, a person or a certificate
   */
  public static SyntheticPopulation of(Clock clock, List<Family> families) {
    return new SyntheticPopulation(clock, families);
  }

  /** Every family, the hand-written ones first. */
  public List<Family> families() {
    return families;
  }

  /**
   * The family with this key.
   *
   * @throws IllegalArgumentException naming the key if there is none
   */
  public Family family(String key) {
    Family family = byKey.get(key);
    if (family == null) {
      throw new IllegalArgumentException("no synthetic family with key '" + key + "'");
    }
    return family;
  }

  /** The families applying to this region code. */
  public List<Family> familiesIn(String regionCode) {
    return families.stream().filter(family -> family.regionCode().equals(regionCode)).toList();
  }

  /** The clock that "today" is read from. */
  public Clock clock() {
    return clock;
  }

  /** Today in the sources' time zone. */
  public LocalDate today() {
    return LocalDate.now(clock);
  }

  /** The household register's entry for this ID number. */
  public Optional<Resident> registeredResident(String idNumber) {
    return Optional.ofNullable(register.get(idNumber));
  }

  /** The parent or guardian the household register records for this child. */
  public Optional<Guardianship> guardianshipOf(String childIdNumber) {
    return Optional.ofNullable(guardianships.get(childIdNumber));
  }

  /** The family whose applying guardian has this ID number (holder of permits, contributions). */
  public Optional<Family> familyOfGuardian(String idNumber) {
    return Optional.ofNullable(byGuardian.get(idNumber));
  }

  /** The property with this certificate number; full- and half-width brackets are the same. */
  public Optional<Property> property(String certificateNumber) {
    return Optional.ofNullable(properties.get(normalized(certificateNumber)));
  }

  private void index(Family family, Set<String> ids) {
    require(byKey.putIfAbsent(family.key(), family) == null, "key", family.key());
    Resident child = family.child();
    Resident guardian = family.guardian();
    require(ids.add(child.idNumber()), "person", Masking.idNumber(child.idNumber()));
    require(ids.add(guardian.idNumber()), "person", Masking.idNumber(guardian.idNumber()));
    if (family.childRegistered()) {
      register.put(child.idNumber(), child);
      if (family.guardianshipRecorded()) {
        guardianships.put(
            child.idNumber(),
            new Guardianship(child.idNumber(), guardian.idNumber(), family.relation(), true));
      }
    }
    register.put(guardian.idNumber(), guardian);
    byGuardian.put(guardian.idNumber(), family);
    Property property = family.property();
    if (property != null) {
      String certificate = normalized(property.certificateNumber());
      require(properties.putIfAbsent(certificate, property) == null, "certificate", certificate);
    }
  }

  private static void require(boolean unique, String what, String value) {
    if (!unique) {
      throw new IllegalArgumentException("two families share the " + what + " " + value);
    }
  }

  private static String normalized(String certificateNumber) {
    return certificateNumber.strip().replace('（', '(').replace('）', ')');
  }
}
