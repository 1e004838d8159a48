package gx.enrollment.mocks;

import static gx.enrollment.mocks.StubClient.body;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import gx.enrollment.mocks.population.Family;
import gx.enrollment.mocks.population.FamilyKeys;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The counters that let the gateway's tests prove parallel fan-out. */
class RequestCountersTests {

  private static final List<Upstream> SOURCES =
      List.of(
          Upstream.HOUSEHOLD,
          Upstream.RESIDENCE_PERMIT,
          Upstream.SOCIAL_SECURITY,
          Upstream.REAL_ESTATE);

  private GovernmentStubs stubs;
  private StubClient client;
  private Family family;

  @BeforeEach
  void start() {
    stubs = GovernmentStubs.start();
    client = new StubClient(stubs);
    family = stubs.population().family(FamilyKeys.MIGRANT_OWNER);
  }

  @AfterEach
  void stop() {
    stubs.close();
  }

  @Test
  void counts_four_delayed_requests_sent_at_once_as_concurrent() {
    SOURCES.forEach(
        upstream -> stubs.fault(upstream, FaultScenario.latency(Duration.ofMillis(500))));

    List<CompletableFuture<HttpResponse<String>>> responses =
        SOURCES.stream().map(upstream -> client.postAsync(upstream, request(upstream))).toList();
    CompletableFuture.allOf(responses.toArray(CompletableFuture[]::new)).join();

    assertThat(responses)
        .allSatisfy(response -> assertThat(response.join().statusCode()).isEqualTo(200));
    assertThat(stubs.peakConcurrentRequests()).isGreaterThanOrEqualTo(4);
  }

  @Test
  void counts_concurrent_requests_with_synchronous_responses_too() {
    stubs.close();
    stubs = GovernmentStubs.start(StubOptions.defaults().withAsynchronousResponses(false));
    client = new StubClient(stubs);
    SOURCES.forEach(
        upstream -> stubs.fault(upstream, FaultScenario.latency(Duration.ofMillis(500))));

    List<CompletableFuture<HttpResponse<String>>> responses =
        SOURCES.stream().map(upstream -> client.postAsync(upstream, request(upstream))).toList();
    CompletableFuture.allOf(responses.toArray(CompletableFuture[]::new)).join();

    assertThat(stubs.peakConcurrentRequests()).isGreaterThanOrEqualTo(4);
  }

  @Test
  void delayed_answers_do_not_hold_container_threads() {
    stubs.close();
    stubs = GovernmentStubs.start(StubOptions.defaults().withContainerThreads(10));
    client = new StubClient(stubs);
    stubs.fault(Upstream.HOUSEHOLD, FaultScenario.latency(Duration.ofMillis(1000)));

    List<CompletableFuture<HttpResponse<String>>> responses =
        IntStream.range(0, 20)
            .mapToObj(i -> client.postAsync(Upstream.HOUSEHOLD, request(Upstream.HOUSEHOLD)))
            .toList();
    CompletableFuture.allOf(responses.toArray(CompletableFuture[]::new)).join();

    // Ten threads, some of them Jetty's acceptor and selector: only asynchronous answers let all
    // twenty requests wait at once.
    assertThat(stubs.peakConcurrentRequests()).isEqualTo(20);
  }

  @Test
  void counts_delayed_requests_sent_one_after_another_as_one_at_a_time() {
    SOURCES.forEach(
        upstream -> stubs.fault(upstream, FaultScenario.latency(Duration.ofMillis(50))));

    for (Upstream upstream : SOURCES) {
      assertThat(client.post(upstream, request(upstream)).statusCode()).isEqualTo(200);
    }

    assertThat(stubs.peakConcurrentRequests()).isEqualTo(1);
  }

  @Test
  void counts_requests_per_upstream_whatever_the_answer() {
    stubs.fault(Upstream.REAL_ESTATE, FaultScenario.serviceUnavailable());

    client.post(Upstream.HOUSEHOLD, request(Upstream.HOUSEHOLD));
    client.post(Upstream.HOUSEHOLD, "not json");
    client.post(Upstream.REAL_ESTATE, request(Upstream.REAL_ESTATE));

    assertThat(stubs.requestCount(Upstream.HOUSEHOLD)).isEqualTo(2);
    assertThat(stubs.requestCount(Upstream.REAL_ESTATE)).isEqualTo(1);
    assertThat(stubs.requestCount(Upstream.SOCIAL_SECURITY)).isZero();
  }

  @Test
  void admin_requests_are_not_counted() {
    client.admin(Upstream.HOUSEHOLD, "GET", "/ext/fault", "");

    assertThat(stubs.requestCount(Upstream.HOUSEHOLD)).isZero();
    assertThat(stubs.peakConcurrentRequests()).isZero();
  }

  @Test
  void reset_zeroes_the_counts_and_the_peak() {
    client.post(Upstream.HOUSEHOLD, request(Upstream.HOUSEHOLD));

    stubs.resetCounters();

    assertThat(stubs.requestCount(Upstream.HOUSEHOLD)).isZero();
    assertThat(stubs.peakConcurrentRequests()).isZero();
  }

  @Test
  void a_request_still_hanging_before_a_reset_does_not_count_after_it() throws Exception {
    stubs.fault(Upstream.SOCIAL_SECURITY, FaultScenario.hang());
    HttpRequest hanging =
        client
            .request(Upstream.SOCIAL_SECURITY, request(Upstream.SOCIAL_SECURITY))
            .timeout(Duration.ofMillis(200))
            .build();
    try {
      client.sendOrThrow(hanging);
    } catch (java.io.IOException expected) {
      // the client gave up; the stub still holds the request
    }

    stubs.resetCounters();
    client.post(Upstream.HOUSEHOLD, request(Upstream.HOUSEHOLD));

    assertThat(stubs.peakConcurrentRequests()).isEqualTo(1);
  }

  @Test
  void shows_and_resets_the_counters_over_http() {
    client.post(Upstream.HOUSEHOLD, request(Upstream.HOUSEHOLD));

    JsonNode shown = body(client.admin(Upstream.HOUSEHOLD, "GET", "/ext/counters", ""));
    client.admin(Upstream.SMS, "DELETE", "/ext/counters", "");

    assertThat(shown.get("requestCount").asInt()).isEqualTo(1);
    assertThat(shown.get("peakConcurrentRequests").asInt()).isEqualTo(1);
    assertThat(stubs.requestCount(Upstream.HOUSEHOLD)).isZero();
  }

  private Map<String, Object> request(Upstream upstream) {
    return switch (upstream) {
      case HOUSEHOLD -> SourceRequests.household(family);
      case RESIDENCE_PERMIT, SOCIAL_SECURITY -> SourceRequests.guardianIn(family);
      case REAL_ESTATE -> SourceRequests.realEstate(family);
      case SMS -> SourceRequests.sms(family.phone());
    };
  }
}
