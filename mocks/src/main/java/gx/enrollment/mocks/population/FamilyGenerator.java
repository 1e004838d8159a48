package gx.enrollment.mocks.population;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Ordinary, fully consistent families for every pilot county, from a fixed-seed {@link Random}: the
 * same seed and the same day give the same families, and the identities (IDs, names, phones,
 * certificates) do not depend on the day at all.
 */
final class FamilyGenerator {

  private static final long SEED = 2024_0601L;
  private static final List<String> MIGRANT_ORIGINS =
      List.of("430621", "431102", "440883", "520102", "360732");
  private static final String XINJIANG_ORIGIN = "650102";
  private static final List<String> STREETS =
      List.of(
          "人民路", "新华路", "建设路", "民族大道", "文化路", "江滨路", "城南路", "解放路", "中山路", "朝阳路", "和平路", "永福大街",
          "新兴街", "沿江大道", "东风路");
  private static final List<String> INDUSTRIES =
      List.of("物流", "建筑工程", "商贸", "餐饮管理", "电子科技", "食品", "汽车服务", "制糖");

  private enum Kind {
    LOCAL_OWNER("local family, owns its home"),
    LOCAL_RENTER("local family, rents"),
    MIGRANT_RENTER("migrant family, rents; valid permit and social security"),
    MIGRANT_OWNER("migrant family, owns its home; valid permit and social security");

    private final String description;

    Kind(String description) {
      this.description = description;
    }

    boolean migrant() {
      return this == MIGRANT_RENTER || this == MIGRANT_OWNER;
    }

    boolean owner() {
      return this == LOCAL_OWNER || this == MIGRANT_OWNER;
    }
  }

  private final Random random = new Random(SEED);
  private final ChineseNames names = new ChineseNames(random);
  private final LocalDate today;
  private final Set<String> usedIds;
  private final Set<String> usedPhones;
  private final Set<String> usedCertificates;

  FamilyGenerator(
      LocalDate today, Set<String> usedIds, Set<String> usedPhones, Set<String> usedCertificates) {
    this.today = today;
    this.usedIds = usedIds;
    this.usedPhones = usedPhones;
    this.usedCertificates = usedCertificates;
  }

  List<Family> generate(int perCounty) {
    List<Family> families = new ArrayList<>();
    for (PilotCounty county : PilotCounty.values()) {
      for (int i = 1; i <= perCounty; i++) {
        Kind kind = Kind.values()[(i - 1) % Kind.values().length];
        boolean xinjiang = kind == Kind.MIGRANT_RENTER && county.ordinal() % 6 == 5;
        families.add(family(county, i, kind, xinjiang));
      }
    }
    return families;
  }

  private Family family(PilotCounty county, int index, Kind kind, boolean xinjiang) {
    PilotCounty home = county.residence();
    Stage stage = random.nextInt(3) == 0 ? Stage.JUNIOR : Stage.PRIMARY;
    String hukou =
        !kind.migrant()
            ? home.code()
            : xinjiang ? XINJIANG_ORIGIN : MIGRANT_ORIGINS.get(random.nextInt(5));
    boolean guardianFemale = !xinjiang && random.nextBoolean();
    String relation = random.nextInt(20) == 0 ? "GUARDIAN" : guardianFemale ? "MOTHER" : "FATHER";
    boolean childFemale = random.nextBoolean();

    String guardianName;
    String childName;
    if (xinjiang) {
      String fatherGiven = names.uyghurGivenName();
      guardianName = fatherGiven + "·" + names.uyghurGivenName();
      childName = names.uyghurName(childFemale, fatherGiven);
    } else {
      String surname = names.surname();
      guardianName = names.name(surname, guardianFemale, random.nextBoolean());
      String childSurname = guardianFemale && random.nextInt(3) > 0 ? names.surname() : surname;
      childName = names.name(childSurname, childFemale, random.nextInt(4) > 0);
    }

    Resident guardian =
        Resident.of(newId(hukou, guardianBirthDate(stage), guardianFemale), guardianName, hukou);
    Resident child =
        Resident.of(newId(hukou, childBirthDate(stage), childFemale), childName, hukou);

    @Nullable Permit permit = kind.migrant() ? permit(home) : null;
    @Nullable SocialSecurity socialSecurity =
        kind.migrant() || random.nextBoolean() ? socialSecurity(home) : null;
    @Nullable Property property = kind.owner() ? property(home, guardian, guardianFemale) : null;

    return new Family(
        "gen-" + county.code() + "-" + index,
        "generated: " + kind.description + " in " + county.displayName(),
        stage,
        county.code(),
        child,
        child.name(),
        guardian,
        relation,
        newPhone(),
        permit,
        socialSecurity,
        property,
        null,
        true,
        true);
  }

  private LocalDate guardianBirthDate(Stage stage) {
    int firstYear = stage == Stage.PRIMARY ? 1982 : 1975;
    return LocalDate.of(firstYear + random.nextInt(14), 1, 1).plusDays(random.nextInt(365));
  }

  private LocalDate childBirthDate(Stage stage) {
    // January to August: six (or twelve) by 31 August of the enrollment year.
    LocalDate january = LocalDate.of(stage.birthYear(), 1, 1);
    int days = (int) ChronoUnit.DAYS.between(january, LocalDate.of(stage.birthYear(), 9, 1));
    return january.plusDays(random.nextInt(days));
  }

  private Permit permit(PilotCounty home) {
    LocalDate validFrom = today.minusYears(1 + random.nextInt(4)).minusDays(random.nextInt(300));
    LocalDate validTo = today.plusYears(1 + random.nextInt(3)).plusDays(random.nextInt(200));
    return new Permit(home.code(), validFrom, validTo);
  }

  private SocialSecurity socialSecurity(PilotCounty home) {
    String employer =
        home.cityName().replace("市", "")
            + "某"
            + INDUSTRIES.get(random.nextInt(INDUSTRIES.size()))
            + "有限公司";
    return new SocialSecurity(
        home.code(), employer, 12 + random.nextInt(49), true, YearMonth.from(today).minusMonths(1));
  }

  private Property property(PilotCounty home, Resident guardian, boolean guardianFemale) {
    List<String> owners = new ArrayList<>(List.of(guardian.idNumber()));
    if (random.nextInt(5) < 2) {
      LocalDate spouseBirth = guardian.birthDate().plusDays(random.nextInt(1400) - 700);
      owners.add(newId(guardian.hukouRegion(), spouseBirth, !guardianFemale));
    }
    LocalDate registeredOn =
        LocalDate.of(2015 + random.nextInt(9), 1, 1).plusDays(random.nextInt(365));
    String certificate;
    do {
      certificate =
          String.format(
              "桂(%d)%s不动产权第%07d号",
              registeredOn.getYear(), home.certificateIssuer(), random.nextInt(10_000_000));
    } while (!usedCertificates.add(certificate));
    String address =
        home.displayName()
            + STREETS.get(random.nextInt(STREETS.size()))
            + (1 + random.nextInt(300))
            + "号"
            + (1 + random.nextInt(12))
            + "栋"
            + (1 + random.nextInt(4))
            + "单元"
            + (1 + random.nextInt(18))
            + String.format("%02d", 1 + random.nextInt(4))
            + "室";
    return new Property(
        certificate, address, home.code(), owners, false, random.nextInt(10) < 3, registeredOn);
  }

  private String newId(String region, LocalDate birthDate, boolean female) {
    String id;
    do {
      int sequence = random.nextInt(500) * 2 + (female ? 0 : 1);
      id = ResidentIdNumber.of(region, birthDate, sequence);
    } while (!usedIds.add(id));
    return id;
  }

  private String newPhone() {
    String phone;
    do {
      phone = "1" + (3 + random.nextInt(7)) + String.format("%09d", random.nextInt(1_000_000_000));
    } while (!usedPhones.add(phone));
    return phone;
  }
}
