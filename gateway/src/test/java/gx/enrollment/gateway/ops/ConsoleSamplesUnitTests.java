package gx.enrollment.gateway.ops;

import static org.assertj.core.api.Assertions.assertThat;

import gx.enrollment.gateway.support.Families;
import gx.enrollment.mocks.population.SyntheticPopulation;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The console's sample submissions are the stubs' families as {@link Families#submission} builds
 * them: the page ships plain JSON (the stubs' population must not ship in the gateway), and this
 * keeps the two from drifting apart.
 */
class ConsoleSamplesUnitTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void every_sample_is_its_family_s_submission() throws IOException {
    JsonNode samples;
    try (InputStream in =
        getClass().getClassLoader().getResourceAsStream("static/ops/console-samples.json")) {
      samples = JSON.readTree(in);
    }
    SyntheticPopulation population = SyntheticPopulation.standard();

    assertThat(samples.size()).isGreaterThanOrEqualTo(6);
    assertThat(samples.valueStream().map(sample -> sample.get("family").asText()))
        .contains("local-owner", "migrant-renter", "migrant-owner", "local-simple", "junior-local")
        .doesNotHaveDuplicates();
    for (JsonNode sample : samples) {
      String family = sample.get("family").asText();
      assertThat(sample.get("label").asText()).as(family).isNotBlank();
      assertThat(sample.get("submission"))
          .as(family)
          .isEqualTo(JSON.valueToTree(Families.submission(population.family(family), null)));
    }
  }
}
