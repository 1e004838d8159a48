package gx.enrollment.gateway.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL server (17, from zonky's binaries), started in-process once per JVM for tests
 * and for the local run. Each caller that wants a clean slate asks for a database of its own.
 */
public final class EmbeddedPostgresServer {

  private static EmbeddedPostgresServer shared;
  private static final AtomicInteger databases = new AtomicInteger();

  private final EmbeddedPostgres postgres;

  private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  /** The server of this JVM, started on first use and stopped when the JVM exits. */
  public static synchronized EmbeddedPostgresServer shared() {
    if (shared == null) {
      try {
        shared = new EmbeddedPostgresServer(EmbeddedPostgres.builder().start());
      } catch (IOException e) {
        throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
      }
    }
    return shared;
  }

  public int port() {
    return postgres.getPort();
  }

  /** Creates a new, empty database and returns its name. */
  public String createDatabase(String prefix) {
    String name = prefix + "_" + databases.incrementAndGet();
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("create database " + name);
      return name;
    } catch (SQLException e) {
      throw new IllegalStateException("could not create database " + name, e);
    }
  }

  public String jdbcUrl(String database) {
    return "jdbc:postgresql://localhost:" + port() + "/" + database;
  }

  public String r2dbcUrl(String database) {
    return "r2dbc:postgresql://localhost:" + port() + "/" + database;
  }

  public String username() {
    return "postgres";
  }

  public String password() {
    return "postgres";
  }
}
