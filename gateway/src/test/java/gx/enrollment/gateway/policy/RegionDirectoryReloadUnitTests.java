package gx.enrollment.gateway.policy;

import static org.assertj.core.api.Assertions.assertThat;

import gx.enrollment.gateway.support.TestRegions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A new {@code regions.yml} put in force is what the next lookup reads. */
class RegionDirectoryReloadUnitTests {

  @Test
  void the_next_lookup_reads_the_regions_in_force(@TempDir Path dir) throws IOException {
    RegionDirectory directory = TestRegions.directory();
    assertThat(directory.area("450721"))
        .get()
        .extracting(PilotArea::minimumSocialSecurityMonths)
        .isEqualTo(6);
    String text = Files.readString(TestRegions.configDir().resolve("regions.yml"));
    Path edited = dir.resolve("regions.yml");
    Files.writeString(
        edited,
        text.replace("consultation-hours: \"08:00-18:00\"", "consultation-hours: \"08:30-17:30\"")
            .replace(
                "name: 灵山县, form: A, phones: [\"0777-6429786\"], minimum-social-security-months: 6",
                "name: 灵山县, form: B, phones: [\"0777-6429786\"], minimum-social-security-months: 3"));

    directory.reload(TestRegions.bind(edited));

    assertThat(directory.consultationHours()).isEqualTo("08:30-17:30");
    PilotArea lingshan = directory.area("450721").orElseThrow();
    assertThat(lingshan.form()).isEqualTo(FormType.B);
    assertThat(lingshan.minimumSocialSecurityMonths()).isEqualTo(3);
    assertThat(directory.areas()).hasSize(18);
  }
}
