package gx.enrollment.gateway.material;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class MaterialsPropertiesUnitTests {

  @Test
  void takes_sensible_limits() {
    var limits = new MaterialsProperties(DataSize.ofMegabytes(10), DataSize.ofMegabytes(40), 20);

    assertThat(limits.maxFileSize().toBytes()).isEqualTo(10L * 1024 * 1024);
  }

  @Test
  void refuses_a_total_smaller_than_one_file_naming_the_key() {
    assertThatThrownBy(
            () -> new MaterialsProperties(DataSize.ofMegabytes(10), DataSize.ofMegabytes(1), 20))
        .hasMessageContaining("enrollment.materials.max-total-size must be at least max-file-size");
  }

  @Test
  void refuses_an_empty_or_huge_file_limit() {
    assertThatThrownBy(
            () -> new MaterialsProperties(DataSize.ofBytes(0), DataSize.ofMegabytes(1), 20))
        .hasMessageContaining("enrollment.materials.max-file-size");
    assertThatThrownBy(
            () -> new MaterialsProperties(DataSize.ofGigabytes(1), DataSize.ofGigabytes(2), 20))
        .hasMessageContaining("enrollment.materials.max-file-size");
  }
}
