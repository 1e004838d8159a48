package gx.enrollment.mocks;

import static org.assertj.core.api.Assertions.assertThat;

import gx.enrollment.mocks.population.Family;
import gx.enrollment.mocks.population.SyntheticPopulation;
import org.junit.jupiter.api.Test;

class PopulationTableUnitTests {

  private final SyntheticPopulation population = SyntheticPopulation.standard();

  @Test
  void lists_every_family_with_the_full_synthetic_identifiers_testers_type() {
    String table = PopulationTable.render(population, StubOptions.standalone(), 9100);

    assertThat(table).contains("SYNTHETIC");
    for (Family family : population.families()) {
      assertThat(table)
          .contains(family.key())
          .contains(family.child().idNumber())
          .contains(family.declaredChildName())
          .contains(family.guardian().idNumber())
          .contains(family.phone());
    }
  }

  @Test
  void lists_the_endpoints_tokens_and_fault_types() {
    String table =
        PopulationTable.render(
            population, StubOptions.standalone().withToken(Upstream.SMS, "sms-secret"), 9200);

    assertThat(table)
        .contains("http://127.0.0.1:9201/hukou/v1/verify")
        .contains("http://127.0.0.1:9205/sms/v1/messages")
        .contains("dev-household-token")
        .contains("sms-secret");
    for (FaultScenario.Type type : FaultScenario.Type.values()) {
      assertThat(table).contains("\"" + type.name() + "\"");
    }
  }

  @Test
  void counts_han_characters_as_two_terminal_columns() {
    assertThat(PopulationTable.displayWidth("黄小明")).isEqualTo(6);
    assertThat(PopulationTable.displayWidth("local-owner")).isEqualTo(11);
    assertThat(PopulationTable.displayWidth("艾力·买买提")).isEqualTo(11);
  }
}
