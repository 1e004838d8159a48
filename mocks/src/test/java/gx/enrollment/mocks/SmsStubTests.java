package gx.enrollment.mocks;

import static gx.enrollment.mocks.StubClient.body;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SMS gateway accepts messages with 202 and keeps them for the test to read. */
class SmsStubTests {

  private static GovernmentStubs stubs;
  private static StubClient client;

  @BeforeAll
  static void start() {
    stubs = GovernmentStubs.start();
    client = new StubClient(stubs);
  }

  @AfterAll
  static void stop() {
    stubs.close();
  }

  @BeforeEach
  void clean() {
    stubs.clearFaults();
    stubs.clearSentMessages();
  }

  @Test
  void accepts_a_message_with_202_and_a_message_id() {
    HttpResponse<String> response = client.post(Upstream.SMS, SourceRequests.sms("13800771234"));

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(body(response).get("messageId").asText()).isNotBlank();
  }

  @Test
  void keeps_the_phone_template_and_params_of_each_message() {
    HttpResponse<String> response = client.post(Upstream.SMS, SourceRequests.sms("13800771234"));

    assertThat(stubs.sentMessages())
        .singleElement()
        .satisfies(
            sms -> {
              assertThat(sms.phone()).isEqualTo("13800771234");
              assertThat(sms.template()).isEqualTo("ENROLLMENT_STATUS");
              assertThat(sms.params()).isEqualTo(Map.of("status", "办理中", "ref", "GX2024-000123"));
              assertThat(sms.messageId()).isEqualTo(body(response).get("messageId").asText());
              assertThat(sms.requestId()).isNotBlank();
            });
  }

  @Test
  void sending_twice_sends_two_messages() {
    String first =
        body(client.post(Upstream.SMS, SourceRequests.sms("13800771234")))
            .get("messageId")
            .asText();
    String second =
        body(client.post(Upstream.SMS, SourceRequests.sms("13800771234")))
            .get("messageId")
            .asText();

    assertThat(stubs.sentMessages()).hasSize(2);
    assertThat(first).isNotEqualTo(second);
  }

  @Test
  void a_refused_or_faulted_message_is_not_kept() {
    client.post(Upstream.SMS, StubClient.map("phone", "12345", "template", "ENROLLMENT_STATUS"));
    stubs.fault(Upstream.SMS, FaultScenario.serviceUnavailable());
    client.post(Upstream.SMS, SourceRequests.sms("13800771234"));
    stubs.fault(Upstream.SMS, FaultScenario.undocumentedStatus());
    HttpResponse<String> undocumented =
        client.post(Upstream.SMS, SourceRequests.sms("13800771234"));

    assertThat(undocumented.statusCode()).isEqualTo(200);
    assertThat(body(undocumented).get("status").asText()).isEqualTo("SUSPENDED");
    assertThat(stubs.sentMessages()).isEmpty();
  }

  @Test
  void lists_and_clears_messages_over_http() {
    client.post(Upstream.SMS, SourceRequests.sms("13800771234"));

    JsonNode listed = body(client.admin(Upstream.SMS, "GET", "/ext/sms/messages", ""));
    client.admin(Upstream.SMS, "DELETE", "/ext/sms/messages", "");

    assertThat(listed.at("/messages/0/phone").asText()).isEqualTo("13800771234");
    assertThat(listed.at("/messages/0/params/status").asText()).isEqualTo("办理中");
    assertThat(stubs.sentMessages()).isEmpty();
  }
}
