package gx.enrollment.gateway.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResidentIdNumberUnitTests {

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      nullValues = "VALID",
      value = {
        "450702201809120011, VALID",
        "450702198803150020, VALID",
        "430621199001011234, VALID",
        "11010519491231002x, VALID",
        "11010519491231002X, VALID",
        "450702201809120012, CHECK_CHARACTER",
        "11010519491231002Y, CHARACTERS",
        "4507022018091200A1, CHARACTERS",
        "45070220180912001, LENGTH",
        "4507022018091200111, LENGTH",
        "'', LENGTH",
        "450702201802300011, BIRTH_DATE",
        "450702201813010011, BIRTH_DATE",
        "450702180001010011, BIRTH_DATE",
        "４５0702201809120011, CHARACTERS",
      })
  void classifies_id_numbers(String text, ResidentIdNumber.Problem expected) {
    assertThat(ResidentIdNumber.problemOf(text)).isEqualTo(java.util.Optional.ofNullable(expected));
  }

  @Test
  void stores_a_lower_case_x_upper_case() {
    ResidentIdNumber number = ResidentIdNumber.parse("11010519491231002x").number();

    assertThat(number).isNotNull();
    assertThat(number.value()).isEqualTo("11010519491231002X");
  }

  @Test
  void reads_the_birth_date_and_the_age_on_a_day() {
    ResidentIdNumber number = ResidentIdNumber.parse("450702201809120011").number();

    assertThat(number.birthDate()).isEqualTo(LocalDate.of(2018, 9, 12));
    assertThat(number.ageOn(LocalDate.of(2024, 9, 11))).isEqualTo(5);
    assertThat(number.ageOn(LocalDate.of(2024, 9, 12))).isEqualTo(6);
  }

  @Test
  void never_shows_the_whole_number() {
    ResidentIdNumber number = ResidentIdNumber.parse("450702201809120011").number();

    assertThat(number.toString()).isEqualTo("4507**********0011");
  }

  @Test
  void leap_day_exists_only_in_leap_years() {
    String leap = "45070220160229001";
    String common = "45070220170229001";

    assertThat(ResidentIdNumber.problemOf(leap + ResidentIdNumber.checkCharacter(leap))).isEmpty();
    assertThat(ResidentIdNumber.problemOf(common + ResidentIdNumber.checkCharacter(common)))
        .contains(ResidentIdNumber.Problem.BIRTH_DATE);
  }
}
