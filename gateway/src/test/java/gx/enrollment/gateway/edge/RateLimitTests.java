package gx.enrollment.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import gx.enrollment.gateway.support.StubbedGateway;
import gx.enrollment.gateway.support.TestClients;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * Each client has its own token bucket: test-limited-a and test-limited-b may make 3 calls at once
 * and get one more every 100 s. One over its budget gets 429 with Retry-After; the other is not
 * affected.
 */
class RateLimitTests extends StubbedGateway {

  @Test
  void refuses_a_client_over_its_budget_with_retry_after_and_leaves_another_client_alone() {
    for (int i = 0; i < 3; i++) {
      call(TestClients.LIMITED_A).expectStatus().isOk();
    }
    String retryAfter =
        call(TestClients.LIMITED_A)
            .expectStatus()
            .isEqualTo(429)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo("https://enrollment.gx.example/problems/too-many-requests")
            .returnResult()
            .getResponseHeaders()
            .getFirst(HttpHeaders.RETRY_AFTER);
    // About 100 s until the next token (one every 100 s), in whole seconds.
    assertThat(Long.parseLong(retryAfter)).isBetween(60L, 100L);

    for (int i = 0; i < 3; i++) {
      call(TestClients.LIMITED_B).expectStatus().isOk();
    }
    call(TestClients.LIMITED_A).expectStatus().isEqualTo(429);
    // Clients with budgets to spare are not touched by either.
    call(TestClients.ALL).expectStatus().isOk();
  }

  private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec call(String key) {
    return client.get().uri("/api/v1/regions").header(TestClients.HEADER, key).exchange();
  }
}
