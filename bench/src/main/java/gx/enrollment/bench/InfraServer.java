package gx.enrollment.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The gateway's infrastructure for the benchmark, in a JVM of its own so that the gateway runs as
 * its production jar and its measured CPU is its own: a real PostgreSQL 17 (zonky's binaries, its
 * own server processes) with an empty database {@code enrollment}, and a Kafka broker in KRaft mode
 * (spring-kafka-test), both on 127.0.0.1 — the same servers the gateway's tests and local run
 * start, set up the same way.
 *
 * <p>Arguments: {@code postgresPort kafkaPort} (0 = any free port). Prints one line {@code
 * BENCH-INFRA-READY r2dbc=… jdbc=… user=… password=… kafka=…} and stays up until TERM, which stops
 * the broker and PostgreSQL (shutdown hook).
 */
public final class InfraServer {

  /** The topics the gateway publishes to. */
  static final String[] TOPICS = {
    "enrollment.verification.completed", "enrollment.application.status-changed"
  };

  private InfraServer() {}

  public static void main(String[] args) throws Exception {
    int postgresPort = args.length > 0 ? Integer.parseInt(args[0]) : 0;
    int kafkaPort = args.length > 1 ? Integer.parseInt(args[1]) : 0;
    if (postgresPort == 0) {
      postgresPort = freePort();
    }
    if (kafkaPort == 0) {
      kafkaPort = freePort();
    }

    EmbeddedPostgres postgres =
        EmbeddedPostgres.builder()
            .setPort(postgresPort)
            .setServerConfig("listen_addresses", "127.0.0.1")
            .start();
    String database = "enrollment";
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("create database " + database);
    } catch (SQLException e) {
      postgres.close();
      throw new IllegalStateException("could not create database " + database, e);
    }

    EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1, TOPICS);
    // The test kit binds its own listeners to ephemeral ports; a third, named listener is the one
    // on the chosen port (as the gateway's EmbeddedKafkaServer does).
    broker.brokerProperties(
        Map.of(
            "transaction.state.log.replication.factor",
            "1",
            "transaction.state.log.min.isr",
            "1",
            "auto.create.topics.enable",
            "true",
            "listeners",
            "EXTERNAL://127.0.0.1:0,CONTROLLER://127.0.0.1:0,FIXED://127.0.0.1:" + kafkaPort,
            "listener.security.protocol.map",
            "EXTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT,FIXED:PLAINTEXT"));
    broker.afterPropertiesSet();

    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  broker.destroy();
                  try {
                    postgres.close();
                  } catch (IOException e) {
                    System.err.println("PostgreSQL did not stop cleanly: " + e);
                  }
                },
                "bench-infra-shutdown"));

    String host = "127.0.0.1:" + postgres.getPort() + "/" + database;
    System.out.println(
        "BENCH-INFRA-READY r2dbc=r2dbc:postgresql://"
            + host
            + " jdbc=jdbc:postgresql://"
            + host
            + " user=postgres password=postgres kafka=127.0.0.1:"
            + kafkaPort);
    System.out.flush();
    Thread.currentThread().join();
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
