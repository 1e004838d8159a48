package gx.enrollment.gateway.edge;

import static gx.enrollment.gateway.support.Submissions.formA;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import gx.enrollment.gateway.support.StubbedGateway;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;

/**
 * Everything the gateway logs during a full verification — every logger, DEBUG included — names no
 * whole ID number or phone, and the lines of that request carry its request id.
 */
class LogHygieneTests extends StubbedGateway {

  private static final Pattern WHOLE_ID = Pattern.compile("(?<![0-9])[0-9]{17}[0-9Xx](?![0-9])");
  private static final Pattern WHOLE_PHONE = Pattern.compile("(?<![0-9])1[3-9][0-9]{9}(?![0-9])");

  private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private final Logger ours = (Logger) LoggerFactory.getLogger("gx.enrollment");
  private Level oursBefore;

  @BeforeEach
  void capture() {
    oursBefore = ours.getLevel();
    ours.setLevel(Level.DEBUG);
    captured.start();
    root.addAppender(captured);
  }

  @AfterEach
  void release() {
    root.detachAppender(captured);
    ours.setLevel(oursBefore);
  }

  @Test
  void a_full_verification_logs_no_whole_id_or_phone_and_its_lines_carry_the_request_id() {
    String requestId = "log-hygiene-0001";
    client
        .post()
        .uri("/api/v1/verifications")
        .header("X-Request-Id", requestId)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(formA())
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .valueEquals("X-Request-Id", requestId);

    List<ILoggingEvent> events;
    synchronized (captured) {
      events = new ArrayList<>(captured.list);
    }
    assertThat(events).isNotEmpty();
    for (ILoggingEvent event : events) {
      String line = text(event);
      assertThat(line)
          .as("log line of %s", event.getLoggerName())
          .doesNotContain("450702201809120011")
          .doesNotContain("450702198803150020")
          .doesNotContain("13800771234")
          .doesNotContainPattern(WHOLE_ID)
          .doesNotContainPattern(WHOLE_PHONE);
    }

    List<ILoggingEvent> ofTheRequest =
        events.stream()
            .filter(
                e ->
                    e.getFormattedMessage().startsWith("verification v-")
                        || e.getLoggerName().equals("AUDIT"))
            .toList();
    assertThat(ofTheRequest).as("the verification line and its AUDIT lines").hasSizeGreaterThan(4);
    assertThat(ofTheRequest)
        .allSatisfy(
            e ->
                assertThat(e.getMDCPropertyMap())
                    .as("MDC of %s", e.getFormattedMessage())
                    .containsEntry("requestId", requestId));
  }

  private static String text(ILoggingEvent event) {
    StringBuilder text = new StringBuilder(event.getFormattedMessage());
    text.append(' ').append(event.getMDCPropertyMap());
    for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
      text.append(' ').append(t.getMessage());
    }
    return text.toString();
  }
}
