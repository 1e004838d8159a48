package gx.enrollment.gateway.events;

import static io.r2dbc.spi.ConnectionFactoryOptions.PASSWORD;
import static io.r2dbc.spi.ConnectionFactoryOptions.USER;

import gx.enrollment.gateway.support.EmbeddedPostgresServer;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A fresh database of its own on the embedded PostgreSQL, migrated by Flyway as the application
 * does, with the beans the events need built by hand (no Spring context).
 */
final class OutboxDatabase implements AutoCloseable {

  final DatabaseClient client;
  final R2dbcTransactionManager transactionManager;
  final TransactionalOperator transactions;
  private final ConnectionPool pool;

  private OutboxDatabase(ConnectionPool pool) {
    this.pool = pool;
    this.client = DatabaseClient.create(pool);
    this.transactionManager = new R2dbcTransactionManager(pool);
    this.transactions = TransactionalOperator.create(transactionManager);
  }

  static OutboxDatabase create() {
    EmbeddedPostgresServer postgres = EmbeddedPostgresServer.shared();
    String database = postgres.createDatabase("events");
    Flyway.configure()
        .dataSource(postgres.jdbcUrl(database), postgres.username(), postgres.password())
        .load()
        .migrate();
    ConnectionFactoryOptions options =
        ConnectionFactoryOptions.parse(postgres.r2dbcUrl(database))
            .mutate()
            .option(USER, postgres.username())
            .option(PASSWORD, postgres.password())
            .build();
    return new OutboxDatabase(
        new ConnectionPool(
            ConnectionPoolConfiguration.builder(ConnectionFactories.get(options))
                .maxSize(12)
                .build()));
  }

  /** Appends {@code events} through {@code outbox} in one transaction that commits. */
  Mono<Void> commit(Outbox outbox, OutboxEvent... events) {
    return transactions.transactional(Flux.fromArray(events).concatMap(outbox::append).then());
  }

  /** Appends {@code events} in one transaction that then fails, and so rolls back. */
  Mono<Void> rollBack(Outbox outbox, OutboxEvent... events) {
    return transactions.transactional(
        Flux.fromArray(events)
            .concatMap(outbox::append)
            .then(Mono.error(new IllegalStateException("the change failed after its events"))));
  }

  /** Every outbox row, in id order. */
  List<Row> rows() {
    return client
        .sql(
            "select id, event_id, event_key, event_type, lane, sent_at, attempts, last_error"
                + " from outbox order by id")
        .map(
            row ->
                new Row(
                    row.get("id", Long.class),
                    row.get("event_id", UUID.class),
                    row.get("event_key", String.class),
                    row.get("event_type", String.class),
                    row.get("lane", Short.class),
                    row.get("sent_at", OffsetDateTime.class),
                    row.get("attempts", Integer.class),
                    row.get("last_error", String.class)))
        .all()
        .collectList()
        .block();
  }

  @Override
  public void close() {
    pool.dispose();
  }

  /** An outbox row as a test looks at it. */
  record Row(
      long id,
      UUID eventId,
      String key,
      String type,
      short lane,
      @Nullable OffsetDateTime sentAt,
      int attempts,
      @Nullable String lastError) {}
}
