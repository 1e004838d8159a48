package gx.enrollment.connectors.realestate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegionCodesUnitTests {

  @ParameterizedTest(name = "applied {0}, property in {1} → {2}")
  @CsvSource({
    // a county covers itself only
    "450702, 450702, true",
    "450702, 450703, false",
    "450702, 450700, false",
    // a city (市直属, ends in 00) covers its counties
    "450700, 450700, true",
    "450700, 450702, true",
    "450700, 450721, true",
    "450700, 450802, false",
    "450700, 460702, false",
    // a county code ending in 0 is not a city
    "450710, 450711, false",
  })
  void covers_a_county_itself_and_a_city_its_counties(
      String applied, String property, boolean covered) {
    assertThat(RegionCodes.covers(applied, property)).isEqualTo(covered);
  }
}
