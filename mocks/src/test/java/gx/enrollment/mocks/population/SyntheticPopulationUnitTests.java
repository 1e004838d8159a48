package gx.enrollment.mocks.population;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SyntheticPopulationUnitTests {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2024-06-15T02:00:00Z"), SyntheticPopulation.ZONE);
  private static final LocalDate TODAY = LocalDate.of(2024, 6, 15);
  private static final Pattern HAN_NAME = Pattern.compile("\\p{IsHan}{2,4}");
  private static final Pattern MINORITY_NAME = Pattern.compile("\\p{IsHan}{1,8}·\\p{IsHan}{1,8}");
  private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

  private final SyntheticPopulation population = SyntheticPopulation.standard(CLOCK);

  @Test
  void every_id_number_passes_the_gb_11643_check() {
    assertThat(allIdNumbers())
        .isNotEmpty()
        .allSatisfy(id -> assertThat(ResidentIdNumber.isValid(id)).as(id).isTrue());
  }

  @Test
  void children_are_born_in_the_year_their_stage_enrolls() {
    assertThat(population.families())
        .allSatisfy(
            family ->
                assertThat(family.child().birthDate().getYear())
                    .as(family.key())
                    .isEqualTo(family.stage() == Stage.PRIMARY ? 2018 : 2012));
  }

  @Test
  void guardians_are_adults_born_1975_to_1995() {
    assertThat(population.families())
        .allSatisfy(
            family ->
                assertThat(family.guardian().birthDate().getYear())
                    .as(family.key())
                    .isBetween(1975, 1995));
  }

  @Test
  void mothers_are_women_and_fathers_men() {
    assertThat(population.families())
        .filteredOn(family -> !family.relation().equals("GUARDIAN"))
        .allSatisfy(
            family ->
                assertThat(family.guardian().female())
                    .as(family.key())
                    .isEqualTo(family.relation().equals("MOTHER")));
  }

  @Test
  void the_standard_population_is_the_same_on_every_build() {
    SyntheticPopulation again = SyntheticPopulation.standard(CLOCK);

    assertThat(again.families()).isEqualTo(population.families());
  }

  @Test
  void identities_do_not_depend_on_the_day() {
    SyntheticPopulation later =
        SyntheticPopulation.standard(Clock.offset(CLOCK, java.time.Duration.ofDays(400)));

    assertThat(identities(later)).isEqualTo(identities(population));
  }

  @Test
  void every_pilot_county_has_at_least_three_generated_families() {
    for (PilotCounty county : PilotCounty.values()) {
      assertThat(population.familiesIn(county.code()))
          .as(county.displayName())
          .filteredOn(family -> family.key().startsWith("gen-"))
          .hasSizeGreaterThanOrEqualTo(3);
    }
  }

  @Test
  void names_are_two_to_four_han_characters_or_minority_names_with_a_middle_dot() {
    List<String> names = new ArrayList<>();
    population
        .families()
        .forEach(
            family ->
                names.addAll(
                    List.of(
                        family.child().name(),
                        family.declaredChildName(),
                        family.guardian().name())));

    assertThat(names)
        .allSatisfy(
            name ->
                assertThat(
                        HAN_NAME.matcher(name).matches() || MINORITY_NAME.matcher(name).matches())
                    .as(name)
                    .isTrue());
    assertThat(names).filteredOn(name -> name.contains("·")).hasSizeGreaterThanOrEqualTo(3);
  }

  @Test
  void phones_are_distinct_mainland_mobile_numbers() {
    List<String> phones = population.families().stream().map(Family::phone).toList();

    assertThat(phones).allMatch(phone -> MOBILE.matcher(phone).matches()).doesNotHaveDuplicates();
  }

  @Test
  void locals_are_registered_in_guangxi_and_migrants_elsewhere() {
    assertThat(population.families())
        .allSatisfy(
            family -> {
              assertThat(family.guardian().localHukou())
                  .isEqualTo(family.guardian().hukouRegion().startsWith("45"));
              assertThat(family.child().hukouRegion()).isEqualTo(family.guardian().hukouRegion());
            });
    assertThat(population.families()).anyMatch(Family::migrant).anyMatch(f -> !f.migrant());
  }

  @Test
  void generated_families_are_consistent_in_every_source() {
    assertThat(population.families())
        .filteredOn(family -> family.key().startsWith("gen-"))
        .allSatisfy(
            family -> {
              assertThat(family.declaredChildName()).isEqualTo(family.child().name());
              assertThat(family.childRegistered()).isTrue();
              assertThat(family.guardianshipRecorded()).isTrue();
              if (family.migrant()) {
                assertThat(family.permit().validOn(TODAY)).isTrue();
                assertThat(family.socialSecurity().contributing()).isTrue();
              }
              if (family.property() != null) {
                assertThat(family.property().ownerIdNumbers())
                    .contains(family.guardian().idNumber());
                assertThat(family.property().sealed()).isFalse();
              }
            });
  }

  @Test
  void named_families_are_off_in_exactly_the_named_way() {
    assertThat(population.family(FamilyKeys.CHILD_NAME_MISMATCH).declaredChildName())
        .isNotEqualTo(population.family(FamilyKeys.CHILD_NAME_MISMATCH).child().name());
    assertThat(population.family(FamilyKeys.CHILD_NOT_FOUND).childRegistered()).isFalse();
    assertThat(population.family(FamilyKeys.NOT_GUARDIAN).guardianshipRecorded()).isFalse();
    assertThat(population.family(FamilyKeys.PERMIT_EXPIRED).permit().validTo()).isBefore(TODAY);
    assertThat(population.family(FamilyKeys.PERMIT_MISSING).permit()).isNull();
    assertThat(population.family(FamilyKeys.PERMIT_MISSING).migrant()).isTrue();
    assertThat(
            population.family(FamilyKeys.SOCIAL_SECURITY_LAPSED).socialSecurity().lastPaidMonth())
        .isBefore(YearMonth.from(TODAY).minusMonths(1));
    assertThat(
            population.family(FamilyKeys.SOCIAL_SECURITY_SHORT).socialSecurity().continuousMonths())
        .isEqualTo(5);
    assertThat(population.family(FamilyKeys.PROPERTY_SEALED).property().sealed()).isTrue();
    assertThat(population.family(FamilyKeys.PRIORITY_CATEGORY).priorityCategory())
        .isEqualTo("ACTIVE_SERVICEMAN");
    assertThat(population.family(FamilyKeys.JUNIOR_LOCAL).stage()).isEqualTo(Stage.JUNIOR);
  }

  @Test
  void unknown_family_keys_are_refused_by_name() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> population.family("no-such-family"))
        .withMessageContaining("no-such-family");
  }

  @Test
  void a_population_refuses_two_families_with_one_person() {
    Family family = population.family(FamilyKeys.LOCAL_OWNER);
    Family twin =
        new Family(
            "twin",
            "",
            family.stage(),
            family.regionCode(),
            family.child(),
            family.child().name(),
            population.family(FamilyKeys.LOCAL_SIMPLE).guardian(),
            "FATHER",
            "13800000000",
            null,
            null,
            null,
            null,
            true,
            true);

    assertThatIllegalArgumentException()
        .isThrownBy(() -> SyntheticPopulation.of(CLOCK, List.of(family, twin)))
        .withMessageContaining("person")
        .withMessageNotContaining(family.child().idNumber());
  }

  @Test
  void finds_certificates_written_with_full_width_brackets() {
    assertThat(population.property("桂（2022）钦州市不动产权第0012345号")).isPresent();
  }

  private List<String> allIdNumbers() {
    return population.families().stream()
        .flatMap(
            family ->
                Stream.concat(
                    Stream.of(family.child().idNumber(), family.guardian().idNumber()),
                    family.property() == null
                        ? Stream.empty()
                        : family.property().ownerIdNumbers().stream()))
        .toList();
  }

  private static Set<List<String>> identities(SyntheticPopulation population) {
    Function<Family, List<String>> identity =
        family ->
            List.of(
                family.key(),
                family.child().idNumber(),
                family.child().name(),
                family.guardian().idNumber(),
                family.guardian().name(),
                family.phone(),
                family.property() == null ? "-" : family.property().certificateNumber());
    return new HashSet<>(population.families().stream().map(identity).toList());
  }
}
