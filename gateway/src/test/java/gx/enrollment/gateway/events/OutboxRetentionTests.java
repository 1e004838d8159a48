package gx.enrollment.gateway.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Relayed outbox rows are deleted once older than the retention; unsent ones never are. */
class OutboxRetentionTests {

  private static OutboxDatabase database;

  @BeforeAll
  static void createDatabase() {
    database = OutboxDatabase.create();
  }

  @AfterAll
  static void closeDatabase() {
    database.close();
  }

  @BeforeEach
  void emptyTheOutbox() {
    database.client.sql("truncate outbox").then().block(Duration.ofSeconds(10));
  }

  @Test
  void deletes_rows_sent_longer_ago_than_kept_and_never_an_unsent_one() {
    insert("sent-8-days-ago", "now() - interval '30 days'", "now() - interval '8 days'");
    insert("sent-6-days-ago", "now() - interval '30 days'", "now() - interval '6 days'");
    insert("unsent-30-days", "now() - interval '30 days'", "null");
    insert("sent-just-now", "now()", "now()");

    long deleted = retention(Duration.ofDays(7)).purge().block(Duration.ofSeconds(30));

    assertThat(deleted).isEqualTo(1);
    assertThat(eventTypes())
        .containsExactlyInAnyOrder("sent-6-days-ago", "unsent-30-days", "sent-just-now");
  }

  @Test
  void deletes_past_one_batch_statement_by_statement() {
    database
        .client
        .sql(
            "insert into outbox (event_id, topic, event_key, event_type, lane, payload, created_at,"
                + " sent_at) select gen_random_uuid(), 't', 'k', 'old', 0, '{}', now() - interval"
                + " '9 days', now() - interval '8 days' from generate_series(1, "
                + (OutboxRetention.BATCH + 1)
                + ")")
        .then()
        .block(Duration.ofSeconds(30));
    insert("unsent", "now() - interval '9 days'", "null");

    long deleted = retention(Duration.ofDays(7)).purge().block(Duration.ofSeconds(60));

    assertThat(deleted).isEqualTo(OutboxRetention.BATCH + 1);
    assertThat(eventTypes()).containsExactly("unsent");
  }

  private static OutboxRetention retention(Duration keepSent) {
    return new OutboxRetention(
        database.client,
        new EventsProperties.Retention(true, keepSent, Duration.ofHours(1)),
        Clock.systemUTC());
  }

  /** One row; {@code createdAt} and {@code sentAt} are SQL expressions. */
  private static void insert(String type, String createdAt, String sentAt) {
    database
        .client
        .sql(
            "insert into outbox (event_id, topic, event_key, event_type, lane, payload, created_at,"
                + " sent_at) values (gen_random_uuid(), 't', 'k', :type, 0, '{}', "
                + createdAt
                + ", "
                + sentAt
                + ")")
        .bind("type", type)
        .then()
        .block(Duration.ofSeconds(10));
  }

  private static List<String> eventTypes() {
    return database
        .client
        .sql("select event_type from outbox")
        .map(row -> row.get(0, String.class))
        .all()
        .collectList()
        .block(Duration.ofSeconds(10));
  }
}
