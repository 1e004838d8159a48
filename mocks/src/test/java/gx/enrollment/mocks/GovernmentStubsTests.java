package gx.enrollment.mocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.verification.RequestJournalDisabledException;
import gx.enrollment.mocks.population.FamilyKeys;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Starting, configuring and stopping the five stubs. */
class GovernmentStubsTests {

  @Test
  void starts_each_upstream_on_its_own_loopback_port() {
    try (GovernmentStubs stubs = GovernmentStubs.start()) {
      assertThat(Upstream.values())
          .extracting(stubs::port)
          .doesNotHaveDuplicates()
          .allSatisfy(port -> assertThat(port).isPositive());
      assertThat(stubs.baseUrl(Upstream.SMS))
          .isEqualTo("http://127.0.0.1:" + stubs.port(Upstream.SMS));
      assertThat(stubs.token(Upstream.SOCIAL_SECURITY)).isEqualTo("dev-social-security-token");
    }
  }

  @Test
  void refuses_to_start_on_a_taken_port_and_says_so() {
    try (GovernmentStubs first = GovernmentStubs.start()) {
      StubOptions clashing =
          StubOptions.defaults().withPort(Upstream.REAL_ESTATE, first.port(Upstream.REAL_ESTATE));

      assertThatIllegalStateException()
          .isThrownBy(() -> GovernmentStubs.start(clashing))
          .withMessageContaining("could not start");
    }
  }

  @Test
  void keeps_a_request_journal_only_when_asked_and_counts_without_one() {
    try (GovernmentStubs withJournal =
            GovernmentStubs.start(StubOptions.defaults().withRequestJournal(true));
        GovernmentStubs withoutJournal = GovernmentStubs.start()) {
      var family = withJournal.population().family(FamilyKeys.LOCAL_OWNER);
      new StubClient(withJournal).post(Upstream.HOUSEHOLD, SourceRequests.household(family));
      new StubClient(withoutJournal).post(Upstream.HOUSEHOLD, SourceRequests.household(family));

      assertThat(withJournal.server(Upstream.HOUSEHOLD).getAllServeEvents()).hasSize(1);
      assertThatThrownBy(() -> withoutJournal.server(Upstream.HOUSEHOLD).getAllServeEvents())
          .isInstanceOf(RequestJournalDisabledException.class);
      assertThat(withoutJournal.requestCount(Upstream.HOUSEHOLD)).isEqualTo(1);
    }
  }

  @Test
  void closes_promptly_while_a_request_hangs_and_stops_answering() throws Exception {
    GovernmentStubs stubs = GovernmentStubs.start();
    StubClient client = new StubClient(stubs);
    var family = stubs.population().family(FamilyKeys.LOCAL_OWNER);
    stubs.fault(Upstream.HOUSEHOLD, FaultScenario.hang());
    HttpRequest hanging =
        client
            .request(Upstream.HOUSEHOLD, SourceRequests.household(family))
            .timeout(Duration.ofMillis(200))
            .build();
    assertThatThrownBy(() -> client.sendOrThrow(hanging)).isInstanceOf(IOException.class);

    long started = System.nanoTime();
    stubs.close();
    stubs.close();

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    assertThatThrownBy(() -> client.sendOrThrow(hanging)).isInstanceOf(IOException.class);
    assertThatIllegalStateException()
        .isThrownBy(() -> stubs.fault(Upstream.HOUSEHOLD, FaultScenario.none()));
  }
}
