package gx.enrollment.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import gx.enrollment.gateway.support.Families;
import gx.enrollment.gateway.support.StubbedGateway;
import gx.enrollment.gateway.support.TestClients;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers through the edge — allowed, refused, forwarded to the actuator, answered from another
 * thread, pipelined — leave a kept-alive HTTP/1.1 connection ready for the next request: every
 * request of a sequence on one connection is answered. Written on a raw socket, so that no client
 * pool hides a connection that stopped being read.
 */
class KeepAliveTests extends StubbedGateway {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired private Environment environment;

  @Test
  void answers_the_next_request_after_a_pipelined_one_was_answered_at_once() throws IOException {
    int port = Integer.parseInt(environment.getProperty("local.server.port"));
    byte[] body =
        JSON.writeValueAsBytes(
            Families.submission(stubs.population().family("migrant-owner"), null));
    List<Integer> statuses = new ArrayList<>();
    for (int round = 0; round < 5; round++) {
      try (Socket socket = new Socket("localhost", port)) {
        socket.setSoTimeout(10_000);
        OutputStream out = socket.getOutputStream();
        InputStream in = socket.getInputStream();
        // Two requests in one write: the verification answers later, from a database thread; the
        // regions are buffered behind it and then answered at once, while the first is ending.
        ByteArrayOutputStream both = new ByteArrayOutputStream();
        both.write(
            ("POST /api/v1/verifications HTTP/1.1\r\nHost: localhost\r\n"
                    + auth()
                    + "Content-Type: application/json\r\nContent-Length: "
                    + body.length
                    + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        both.write(body);
        both.write(get("/api/v1/regions"));
        out.write(both.toByteArray());
        out.flush();
        // The first submission is stored (200); the same family again is a duplicate (409).
        assertThat(readResponse(in)).isEqualTo(round == 0 ? 200 : 409);
        statuses.add(readResponse(in));

        // The connection must still be read: the next request is answered.
        out.write(get("/api/v1/regions"));
        out.flush();
        statuses.add(readResponse(in));
      }
    }
    // Five connections, each: the pipelined regions, then the next request.
    assertThat(statuses).hasSize(10).containsOnly(200);
  }

  private static String auth() {
    return TestClients.HEADER + ": " + TestClients.ALL + "\r\n";
  }

  private static byte[] get(String path) {
    return ("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n" + auth() + "\r\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  @Test
  void every_request_on_one_kept_alive_connection_is_answered() throws IOException {
    String[][] sequence = {
      {"/actuator/health", null},
      {"/actuator/health", TestClients.OPERATOR},
      {"/actuator/health/liveness", null},
      {"/actuator/health/readiness", null},
      {"/actuator/info", null},
      {"/actuator/info", TestClients.PORTAL_QINZHOU},
      {"/actuator/info", TestClients.OPERATOR},
      {"/actuator/health/sources/real-estate", TestClients.OPERATOR},
      {"/api/v1/regions", TestClients.ALL},
      {"/api/v1/regions", null},
      {"/api/v1/regions", TestClients.ALL},
    };
    List<Integer> statuses = new ArrayList<>();
    int port = Integer.parseInt(environment.getProperty("local.server.port"));
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      for (String[] request : sequence) {
        String head =
            "GET "
                + request[0]
                + " HTTP/1.1\r\nHost: localhost\r\n"
                + (request[1] == null ? "" : TestClients.HEADER + ": " + request[1] + "\r\n")
                + "\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        statuses.add(readResponse(in));
      }
    }
    assertThat(statuses).containsExactly(401, 200, 200, 200, 401, 403, 200, 200, 200, 401, 200);
  }

  /** Reads one response (Content-Length or chunked) and returns its status. */
  private static int readResponse(InputStream in) throws IOException {
    String statusLine = line(in);
    int status = Integer.parseInt(statusLine.split(" ")[1]);
    long length = -1;
    boolean chunked = false;
    for (String header = line(in); !header.isEmpty(); header = line(in)) {
      String lower = header.toLowerCase(Locale.ROOT);
      if (lower.startsWith("content-length:")) {
        length = Long.parseLong(lower.substring(15).trim());
      } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
        chunked = true;
      }
    }
    if (chunked) {
      for (long size = Long.parseLong(line(in).trim(), 16); size > 0; ) {
        in.readNBytes((int) size);
        line(in);
        size = Long.parseLong(line(in).trim(), 16);
      }
      line(in);
    } else if (length > 0) {
      in.readNBytes((int) length);
    }
    return status;
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new IOException("connection closed");
      }
      if (b != '\r') {
        bytes.write(b);
      }
    }
    return bytes.toString(StandardCharsets.US_ASCII);
  }
}
