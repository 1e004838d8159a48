package gx.enrollment.gateway.idempotency;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * The {@code idempotency_keys} table. A key is claimed by inserting it; the database's primary key
 * decides which of several concurrent requests with one key does the work.
 */
public final class IdempotencyStore {

  private final DatabaseClient db;

  public IdempotencyStore(DatabaseClient db) {
    this.db = db;
  }

  /** What is stored under a key. */
  public record Entry(
      byte[] requestHash,
      boolean completed,
      @Nullable Integer responseStatus,
      @Nullable String responseBody) {

    public boolean sameRequest(byte[] hash) {
      return Arrays.equals(requestHash, hash);
    }
  }

  /** Claims {@code key} for this request; {@code true} when this caller got it. */
  public Mono<Boolean> claim(String clientId, String key, byte[] requestHash, Instant now) {
    return db.sql(
            """
            insert into idempotency_keys (client_id, idempotency_key, request_hash, state,
              created_at)
            values (:client, :key, :hash, 'IN_PROGRESS', :now)
            on conflict do nothing
            """)
        .bind("client", clientId)
        .bind("key", key)
        .bind("hash", ByteBuffer.wrap(requestHash))
        .bind("now", now.atOffset(ZoneOffset.UTC))
        .fetch()
        .rowsUpdated()
        .map(inserted -> inserted == 1);
  }

  public Mono<Entry> find(String clientId, String key) {
    return db.sql(
            """
            select request_hash, state, response_status, response_body from idempotency_keys
            where client_id = :client and idempotency_key = :key
            """)
        .bind("client", clientId)
        .bind("key", key)
        .map(
            (row, meta) -> {
              ByteBuffer hash = row.get("request_hash", ByteBuffer.class);
              byte[] bytes = new byte[hash.remaining()];
              hash.get(bytes);
              String body = row.get("response_body", String.class);
              return new Entry(
                  bytes,
                  "COMPLETED".equals(row.get("state", String.class)),
                  row.get("response_status", Integer.class),
                  body);
            })
        .one();
  }

  /** Ties the key to the application it created, so whoever finishes that one completes the key. */
  public Mono<Void> attach(String clientId, String key, UUID applicationId) {
    return db.sql(
            """
            update idempotency_keys set application_id = :application
            where client_id = :client and idempotency_key = :key
            """)
        .bind("application", applicationId)
        .bind("client", clientId)
        .bind("key", key)
        .then();
  }

  /** Stores the answer under the key. */
  public Mono<Void> complete(String clientId, String key, int status, String body, Instant now) {
    return db.sql(
            """
            update idempotency_keys set state = 'COMPLETED', response_status = :status,
              response_body = :body, completed_at = :now
            where client_id = :client and idempotency_key = :key
            """)
        .bind("status", status)
        .bind("body", body)
        .bind("now", now.atOffset(ZoneOffset.UTC))
        .bind("client", clientId)
        .bind("key", key)
        .then();
  }

  /**
   * Stores the answer under every key waiting for {@code applicationId} (recovery finishing it).
   */
  public Mono<Void> completeFor(UUID applicationId, int status, String body, Instant now) {
    return db.sql(
            """
            update idempotency_keys set state = 'COMPLETED', response_status = :status,
              response_body = :body, completed_at = :now
            where application_id = :application and state = 'IN_PROGRESS'
            """)
        .bind("status", status)
        .bind("body", body)
        .bind("now", now.atOffset(ZoneOffset.UTC))
        .bind("application", applicationId)
        .then();
  }

  /**
   * Forgets a claim whose request failed unexpectedly before it stored anything, so that a retry
   * can do the work. A claim tied to a stored application stays: recovery finishes that application
   * and completes the claim, and retries wait for it rather than apply twice.
   */
  public Mono<Void> release(String clientId, String key) {
    return db.sql(
            """
            delete from idempotency_keys
            where client_id = :client and idempotency_key = :key and state = 'IN_PROGRESS'
              and application_id is null
            """)
        .bind("client", clientId)
        .bind("key", key)
        .then();
  }
}
