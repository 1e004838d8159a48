package gx.enrollment.mocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FaultScenarioUnitTests {

  @Test
  void describes_itself_with_its_parameters() {
    assertThat(FaultScenario.latency(Duration.ofMillis(800)).describe())
        .isEqualTo("LATENCY(800 ms)");
    assertThat(FaultScenario.tooManyRequests(2).describe())
        .isEqualTo("TOO_MANY_REQUESTS(Retry-After 2 s)");
    assertThat(FaultScenario.flaky(3).describe()).isEqualTo("FLAKY(3)");
    assertThat(FaultScenario.hang().describe()).isEqualTo("HANG(60000 ms)");
    assertThat(FaultScenario.none().describe()).isEqualTo("NONE");
  }

  @Test
  void refuses_delays_the_stubs_cannot_hold() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> FaultScenario.latency(Duration.ofMillis(-1)));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> FaultScenario.hang(FaultScenario.MAX_DELAY.plusMillis(1)));
  }

  @Test
  void refuses_a_flaky_fault_that_never_fails_and_a_negative_retry_after() {
    assertThatIllegalArgumentException().isThrownBy(() -> FaultScenario.flaky(0));
    assertThatIllegalArgumentException().isThrownBy(() -> FaultScenario.tooManyRequests(-1));
  }
}
