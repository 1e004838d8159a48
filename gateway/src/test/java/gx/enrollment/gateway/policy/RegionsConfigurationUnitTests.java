package gx.enrollment.gateway.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gx.enrollment.gateway.support.TestRegions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegionsConfigurationUnitTests {

  private final RegionDirectory regions = TestRegions.directory();

  @Test
  void holds_every_county_level_unit_of_the_pilot() {
    assertThat(regions.areas())
        .extracting(PilotArea::code)
        .containsExactly(
            "450700", "450702", "450703", "450721", "450722", "451321", "451322", "451323",
            "451324", "451381", "451400", "451402", "451421", "451422", "451423", "451424",
            "451425", "451481");
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "450700, 钦州市市直属, 0777-2880977",
    "450703, 钦州市钦北区, 0777-3686176",
    "451321, 来宾市忻城县, 0772-5515032 0772-5511757",
    "451381, 来宾市合山市, 0772-8919107",
    "451400, 崇左市市直属, 0771-7837802 0771-7870633",
    "451425, 崇左市天等县, 0771-3528866 0771-3528055",
    "451481, 崇左市凭祥市, 0771-8532309",
  })
  void carries_the_consultation_phones_of_the_seed(String code, String name, String phones) {
    PilotArea area = regions.area(code).orElseThrow();

    assertThat(area.fullName()).isEqualTo(name);
    assertThat(area.phones()).containsExactly(phones.split(" "));
    assertThat(area.consultationHours()).isEqualTo("08:00-18:00");
  }

  @Test
  void excludes_xingbin_district() {
    assertThat(regions.area("451302")).isEmpty();
    assertThat(regions.exclusionReason("451302"))
        .hasValueSatisfying(r -> assertThat(r).contains("兴宾区"));
  }

  @Test
  void applies_the_policy_defaults_unless_an_area_overrides_them() {
    assertThat(regions.area("450702").orElseThrow().minimumSocialSecurityMonths()).isEqualTo(12);
    assertThat(regions.area("450721").orElseThrow().minimumSocialSecurityMonths()).isEqualTo(6);
    assertThat(regions.ageReferenceDate(2024)).isEqualTo(LocalDate.of(2024, 12, 31));
  }

  @Test
  void refuses_a_file_with_a_bad_phone_naming_the_key(@TempDir Path dir) throws IOException {
    Path file = brokenCopy(dir, "\"0777-2697376\"", "\"2697376\"");

    assertThatThrownBy(() -> TestRegions.bind(file))
        .hasStackTraceContaining("enrollment.regions.areas[1].phones[0]");
  }

  @Test
  void refuses_a_file_with_an_unknown_form_naming_the_key(@TempDir Path dir) throws IOException {
    Path file = brokenCopy(dir, "name: 钦北区, form: A", "name: 钦北区, form: C");

    assertThatThrownBy(() -> TestRegions.bind(file))
        .hasStackTraceContaining("enrollment.regions.areas[2].form");
  }

  @Test
  void refuses_a_file_listing_an_area_twice(@TempDir Path dir) throws IOException {
    Path file = brokenCopy(dir, "code: \"450703\"", "code: \"450702\"");

    assertThatThrownBy(() -> TestRegions.bind(file))
        .hasStackTraceContaining("enrollment.regions.areas[2].code: 450702 is listed twice");
  }

  private static Path brokenCopy(Path dir, String from, String to) throws IOException {
    String text = Files.readString(TestRegions.configDir().resolve("regions.yml"));
    assertThat(text).contains(from);
    Path file = dir.resolve("regions.yml");
    Files.writeString(file, text.replaceFirst(java.util.regex.Pattern.quote(from), to));
    return file;
  }
}
