package gx.enrollment.gateway.events;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the events: where Kafka is and how the outbox relay runs ({@code
 * enrollment.events.*}).
 *
 * @param kafka the producer's settings ({@code enrollment.events.kafka.*})
 * @param relay the outbox relay's settings ({@code enrollment.events.relay.*})
 * @param retention how long relayed outbox rows are kept ({@code enrollment.events.retention.*})
 */
@ConfigurationProperties("enrollment.events")
@Validated
public record EventsProperties(
    @Valid @NotNull @DefaultValue Kafka kafka,
    @Valid @NotNull @DefaultValue Relay relay,
    @Valid @NotNull @DefaultValue Retention retention) {

  /**
   * How the gateway produces to Kafka. Idempotence, {@code acks=all} and at most 5 requests in
   * flight are fixed, not settings: per-application order depends on them.
   *
   * @param bootstrapServers the brokers to start from, {@code host:port[,host:port…]}; required
   * @param clientId the producer's {@code client.id}, as broker logs and quotas see it; give each
   *     instance its own if quotas are per client
   * @param requestTimeout how long the producer waits for a broker's answer to one request before
   *     retrying it
   * @param deliveryTimeout how long one event may take from send to acknowledgement, retries
   *     included; a relay pass fails no later than this when Kafka is away. Must exceed {@code
   *     request-timeout}
   * @param maxBlock how long a send may wait for the cluster's metadata (which broker leads the
   *     topic's partitions); with Kafka unreachable, a relay pass fails after this
   * @param properties further producer properties by Kafka name ({@code security.protocol}, {@code
   *     sasl.*}, {@code compression.type}, …); cannot weaken idempotence, {@code acks} or ordering
   */
  public record Kafka(
      @NotBlank String bootstrapServers,
      @NotBlank @DefaultValue("enrollment-gateway") String clientId,
      @NotNull @DefaultValue("3s") Duration requestTimeout,
      @NotNull @DefaultValue("6s") Duration deliveryTimeout,
      @NotNull @DefaultValue("3s") Duration maxBlock,
      @NotNull @DefaultValue Map<String, String> properties) {

    public Kafka {
      if (requestTimeout != null
          && deliveryTimeout != null
          && deliveryTimeout.compareTo(requestTimeout) <= 0) {
        throw new IllegalArgumentException(
            "enrollment.events.kafka.delivery-timeout must be longer than request-timeout");
      }
    }
  }

  /**
   * How the outbox relay runs.
   *
   * @param enabled whether this instance relays; several instances may, safely. Off, the outbox
   *     still fills and another instance (or a later start) relays it
   * @param interval the pause between passes while the outbox is drained; a pass that found a full
   *     batch is followed at once by the next
   * @param batchSize the most events one pass publishes, in one database transaction
   * @param maxBackoff the longest pause after failed passes; pauses grow from {@code interval} by
   *     doubling, with jitter, up to this
   * @param passTimeout the longest one pass may take, Kafka and database included; a pass that
   *     takes longer is rolled back and counts as failed
   * @param lanes how many lanes the outbox is split into (each application's events in one lane,
   *     each lane relayed by one instance at a time). Every instance must use the same number, and
   *     it may change only while the outbox is drained: a row keeps the lane it was written with
   */
  public record Relay(
      @DefaultValue("true") boolean enabled,
      @NotNull @DefaultValue("200ms") Duration interval,
      @Min(1) @Max(1000) @DefaultValue("100") int batchSize,
      @NotNull @DefaultValue("10s") Duration maxBackoff,
      @NotNull @DefaultValue("30s") Duration passTimeout,
      @Min(1) @Max(1024) @DefaultValue("16") int lanes) {

    public Relay {
      if (interval != null && (interval.isNegative() || interval.isZero())) {
        throw new IllegalArgumentException("enrollment.events.relay.interval must be positive");
      }
      if (interval != null && maxBackoff != null && maxBackoff.compareTo(interval) < 0) {
        throw new IllegalArgumentException(
            "enrollment.events.relay.max-backoff must be at least the interval");
      }
    }
  }

  /**
   * How long outbox rows are kept once Kafka acknowledged them.
   *
   * @param enabled whether this instance deletes them
   * @param keepSent how long after being sent a row is kept (to look at what was published)
   * @param interval how often old rows are looked for
   */
  public record Retention(
      @DefaultValue("true") boolean enabled,
      @NotNull @DefaultValue("7d") Duration keepSent,
      @NotNull @DefaultValue("1h") Duration interval) {

    public Retention {
      if (keepSent != null && keepSent.isNegative()) {
        throw new IllegalArgumentException(
            "enrollment.events.retention.keep-sent must not be negative");
      }
      if (interval != null && (interval.isNegative() || interval.isZero())) {
        throw new IllegalArgumentException("enrollment.events.retention.interval must be positive");
      }
    }
  }
}
