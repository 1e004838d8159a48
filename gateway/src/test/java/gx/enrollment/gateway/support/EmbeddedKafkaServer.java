package gx.enrollment.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A real Kafka broker in KRaft mode, in-process (spring-kafka-test), for tests and the local run.
 * It can be started on a port chosen in advance, so a test can point the gateway at a Kafka that is
 * not there yet and start it later.
 */
public final class EmbeddedKafkaServer implements AutoCloseable {

  /** The topics the gateway publishes to. */
  public static final String[] TOPICS = {
    "enrollment.verification.completed", "enrollment.application.status-changed"
  };

  private static EmbeddedKafkaServer shared;

  private final EmbeddedKafkaKraftBroker broker;
  private final int port;

  private EmbeddedKafkaServer(int port, String... topics) {
    this.port = port;
    this.broker = new EmbeddedKafkaKraftBroker(1, 1, topics);
    // The test kit binds its own listeners to ephemeral ports whatever kafkaPorts says; a third,
    // named listener is what really listens on the chosen port.
    broker.brokerProperties(
        Map.of(
            "transaction.state.log.replication.factor",
            "1",
            "transaction.state.log.min.isr",
            "1",
            "auto.create.topics.enable",
            "true",
            "listeners",
            "EXTERNAL://localhost:0,CONTROLLER://localhost:0,FIXED://localhost:" + port,
            "listener.security.protocol.map",
            "EXTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT,FIXED:PLAINTEXT"));
  }

  /** The broker of this JVM, started on first use. */
  public static synchronized EmbeddedKafkaServer shared() {
    if (shared == null) {
      shared = new EmbeddedKafkaServer(freePort(), TOPICS);
      shared.broker.afterPropertiesSet();
    }
    return shared;
  }

  /**
   * A new broker on {@code port}, for clients that already wait for it; the caller closes it. It
   * creates no topic itself — those clients' first requests create them (auto-creation is on), and
   * creating them here too would race with that.
   */
  public static EmbeddedKafkaServer start(int port) {
    EmbeddedKafkaServer server = new EmbeddedKafkaServer(port);
    server.broker.afterPropertiesSet();
    return server;
  }

  public String bootstrapServers() {
    return "localhost:" + port;
  }

  public int port() {
    return port;
  }

  public EmbeddedKafkaKraftBroker broker() {
    return broker;
  }

  @Override
  public void close() {
    broker.destroy();
  }

  /** A port nothing listens on right now. */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
