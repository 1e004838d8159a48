package gx.enrollment.gateway.notify;

import gx.enrollment.connectors.IdNumbers;
import gx.enrollment.gateway.application.ApplicationStore;
import gx.enrollment.gateway.events.InboundMessage;
import gx.enrollment.gateway.metrics.EnrollmentMetrics;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends the guardian one SMS for each status change the seed names (办理中, 待补正, 已退件, 已办结), consuming
 * {@code enrollment.application.status-changed}. Never twice for one change, even when Kafka
 * delivers the event again or the process dies mid-send: each event's notice is claimed in {@code
 * sms_notifications} (state {@code SENDING}) before the gateway is called; a claim found again in
 * {@code SENDING} means a send whose fate is unknown, and it is marked {@code UNCERTAIN} for an
 * operator rather than sent again. A notice the gateway refused ({@code FAILED}, known not sent) is
 * sent again, up to {@code sms.max-attempts}.
 */
public final class StatusNotifier {

  public static final String GROUP = "enrollment-gateway-sms";

  private static final Logger log = LoggerFactory.getLogger(StatusNotifier.class);

  private final SmsGateway sms;
  private final ApplicationStore applications;
  private final DatabaseClient db;
  private final JsonMapper json;
  private final EnrollmentMetrics metrics;
  private final Clock clock;

  public StatusNotifier(
      SmsGateway sms,
      ApplicationStore applications,
      DatabaseClient db,
      JsonMapper json,
      EnrollmentMetrics metrics,
      Clock clock) {
    this.sms = sms;
    this.applications = applications;
    this.db = db;
    this.json = json;
    this.metrics = metrics;
    this.clock = clock;
  }

  /** Handles one event; errors only when the message must come again (the gateway refused it). */
  public Mono<Void> handle(InboundMessage message) {
    JsonNode event;
    try {
      event = json.readTree(message.value());
    } catch (JacksonException e) {
      log.warn("skipped an unreadable status event (key {})", message.key());
      return Mono.empty();
    }
    JsonNode payload = event.path("payload");
    if (!payload.path("notifyGuardian").asBoolean(false)) {
      return Mono.empty();
    }
    UUID eventId = UUID.fromString(event.path("eventId").asText());
    UUID applicationId = UUID.fromString(event.path("applicationId").asText());
    String toStatus = payload.path("to").asText();
    return claim(eventId, applicationId, toStatus)
        .flatMap(
            claimed -> {
              if (!claimed) {
                return Mono.empty();
              }
              return applications
                  .guardianPhone(applicationId)
                  .flatMap(phone -> send(eventId, phone, payload));
            });
  }

  private Mono<Void> send(UUID eventId, String phone, JsonNode payload) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("status", payload.path("toLabel").asText());
    params.put("ref", payload.path("reference").asText());
    String reason = payload.path("reason").isTextual() ? payload.path("reason").asText() : null;
    if (reason != null && !reason.isBlank()) {
      params.put("detail", reason);
    }
    return sms.send(phone, params, eventId.toString())
        .flatMap(
            messageId -> {
              log.info(
                  "SMS {} sent to {} for {}", messageId, IdNumbers.mask(phone), params.get("ref"));
              metrics.smsSent("SENT");
              return mark(eventId, "SENT", messageId, null);
            })
        .onErrorResume(
            SmsGateway.OutcomeUnknown.class,
            unknown -> {
              log.warn(
                  "SMS to {} for event {}: outcome unknown ({}); not sent again",
                  IdNumbers.mask(phone),
                  eventId,
                  unknown.getMessage());
              metrics.smsSent("UNCERTAIN");
              return mark(eventId, "UNCERTAIN", null, unknown.getMessage());
            })
        .onErrorResume(
            SmsGateway.NotSent.class,
            refused -> {
              metrics.smsSent("FAILED");
              return mark(eventId, "FAILED", null, refused.getMessage()).then(Mono.error(refused));
            });
  }

  /**
   * Takes the notice of {@code eventId} for sending: {@code true} the first time, and again after a
   * refusal while attempts remain; {@code false} when it was sent, is uncertain, or ran out of
   * attempts. A claim found still {@code SENDING} (its sender died) becomes {@code UNCERTAIN}.
   */
  private Mono<Boolean> claim(UUID eventId, UUID applicationId, String toStatus) {
    var now = clock.instant().atOffset(ZoneOffset.UTC);
    return db.sql(
            """
            insert into sms_notifications (event_id, application_id, to_status, state, attempts,
              created_at, updated_at)
            values (:event, :application, :to, 'SENDING', 1, :now, :now)
            on conflict (event_id) do nothing
            """)
        .bind("event", eventId)
        .bind("application", applicationId)
        .bind("to", toStatus)
        .bind("now", now)
        .fetch()
        .rowsUpdated()
        // An event of an application that is not (or no longer) stored: nothing to notify.
        .onErrorResume(DataIntegrityViolationException.class, missing -> Mono.just(-1L))
        .flatMap(
            inserted ->
                inserted < 0
                    ? Mono.just(false)
                    : inserted == 1
                        ? Mono.just(true)
                        : db.sql(
                                """
                            update sms_notifications set
                              state = case when state = 'SENDING' then 'UNCERTAIN' else 'SENDING' end,
                              attempts = case when state = 'FAILED' then attempts + 1 else attempts end,
                              updated_at = :now
                            where event_id = :event and state in ('SENDING', 'FAILED')
                              and attempts < :max
                            returning state
                            """)
                            .bind("now", now)
                            .bind("event", eventId)
                            .bind("max", sms.settings().maxAttempts())
                            .map((row, meta) -> "SENDING".equals(row.get("state", String.class)))
                            .one()
                            .defaultIfEmpty(false));
  }

  private Mono<Void> mark(
      UUID eventId, String state, @Nullable String messageId, @Nullable String error) {
    return db.sql(
            """
            update sms_notifications set state = :state, message_id = :message,
              last_error = :error, updated_at = :now
            where event_id = :event
            """)
        .bind("state", state)
        .bind("message", Parameter.fromOrEmpty(messageId, String.class))
        .bind("error", Parameter.fromOrEmpty(error, String.class))
        .bind("now", clock.instant().atOffset(ZoneOffset.UTC))
        .bind("event", eventId)
        .then();
  }
}
