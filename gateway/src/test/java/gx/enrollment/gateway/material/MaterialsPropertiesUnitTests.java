package gx.enrollment.gateway.material;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
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
  void binds_the_defaults_and_refuses_a_bad_key_when_bound() {
    Binder defaults = new Binder(new MapConfigurationPropertySource(Map.of("x", "y")));
    Binder bad =
        new Binder(
            new MapConfigurationPropertySource(
                Map.of("enrollment.materials.max-total-size", "1MB")));

    MaterialsProperties bound =
        defaults.bindOrCreate("enrollment.materials", MaterialsProperties.class);

    assertThat(bound.maxFileSize()).isEqualTo(DataSize.ofMegabytes(10));
    assertThat(bound.maxTotalSize()).isEqualTo(DataSize.ofMegabytes(40));
    assertThat(bound.maxFiles()).isEqualTo(20);
    assertThatThrownBy(() -> bad.bind("enrollment.materials", MaterialsProperties.class))
        .hasStackTraceContaining("max-total-size must be at least max-file-size");
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
