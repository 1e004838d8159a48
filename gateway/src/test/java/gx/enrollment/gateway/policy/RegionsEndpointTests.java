package gx.enrollment.gateway.policy;

import static org.assertj.core.api.Assertions.assertThat;

import gx.enrollment.gateway.support.StubbedGateway;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class RegionsEndpointTests extends StubbedGateway {

  @Test
  void lists_every_pilot_area_with_its_form_and_the_seeds_phones() {
    JsonNode directory =
        client
            .get()
            .uri("/api/v1/regions")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(JsonNode.class)
            .returnResult()
            .getResponseBody();

    assertThat(directory.get("consultationHours").asText()).isEqualTo("08:00-18:00");
    assertThat(directory.get("areas")).hasSize(18);
    JsonNode xincheng = area(directory, "451321");
    assertThat(xincheng.get("city").asText()).isEqualTo("来宾市");
    assertThat(xincheng.get("name").asText()).isEqualTo("忻城县");
    assertThat(xincheng.get("form").asText()).isEqualTo("B");
    assertThat(xincheng.get("phones").toString()).isEqualTo("[\"0772-5515032\",\"0772-5511757\"]");
    assertThat(area(directory, "450700").get("name").asText()).isEqualTo("市直属");
    assertThat(directory.get("excluded").get(0).get("code").asText()).isEqualTo("451302");
  }

  private static JsonNode area(JsonNode directory, String code) {
    for (JsonNode area : directory.get("areas")) {
      if (area.get("code").asText().equals(code)) {
        return area;
      }
    }
    throw new AssertionError("no area " + code);
  }
}
