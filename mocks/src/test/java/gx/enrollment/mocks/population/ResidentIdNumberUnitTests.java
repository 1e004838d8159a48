package gx.enrollment.mocks.population;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResidentIdNumberUnitTests {

  @ParameterizedTest(name = "{0} is valid: {1}")
  @CsvSource({
    "450702201809120011, true", // the contract's child
    "450702198803150020, true", // the contract's guardian
    "430621199001011234, true", // the contract's migrant
    "11010519491231002X, true", // check character X
    "450702201809120012, false", // wrong check character
    "45070220180912001X, false", // X where 1 belongs
    "450702201802300019, false", // 30 February
    "45070220180912001, false", // 17 characters
    "4507022018091200110, false", // 19 characters
    "45070220180912001x, false", // lower-case x
    "4507022018O912OO11, false", // letters O for zeros
  })
  void validates_shape_birth_date_and_check_character(String idNumber, boolean valid) {
    assertThat(ResidentIdNumber.isValid(idNumber)).isEqualTo(valid);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "45070220180912001, 1",
    "45070219880315002, 0",
    "11010519491231002, X",
    "45070219840606003, X",
    "43062119900101123, 4"
  })
  void computes_the_iso_7064_mod_11_2_check_character(String first17, char expected) {
    assertThat(ResidentIdNumber.checkCharacter(first17)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "sequence {2} → {3}")
  @CsvSource({
    "450702, 2018-09-12, 1, 450702201809120011",
    "450702, 1988-03-15, 2, 450702198803150020"
  })
  void builds_an_id_number_from_region_birth_date_and_sequence(
      String region, LocalDate birthDate, int sequence, String expected) {
    assertThat(ResidentIdNumber.of(region, birthDate, sequence)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} female: {1}")
  @CsvSource({"450702201809120011, false", "450702198803150020, true"})
  void reads_the_sex_from_the_parity_of_the_sequence(String idNumber, boolean female) {
    assertThat(ResidentIdNumber.isFemale(idNumber)).isEqualTo(female);
  }

  @ParameterizedTest
  @CsvSource({"4507022018091200", "45070220180912001A"})
  void refuses_to_compute_a_check_character_for_anything_but_17_digits(String body) {
    assertThatIllegalArgumentException().isThrownBy(() -> ResidentIdNumber.checkCharacter(body));
  }
}
