package gx.enrollment.gateway.ops;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import gx.enrollment.connectors.SourceConnectors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The operator console: its data endpoint's reader and its page. The page's four files (HTML, one
 * script, one style sheet, the sample submissions) live in {@code static/ops/} and are read into
 * memory once at start, so serving them never touches a file on an event loop; every one of them
 * comes from the gateway itself (the content security policy allows no other origin).
 */
@Configuration(proxyBeanMethods = false)
public class OpsConsoleConfiguration {

  /** Only our own files: no inline script, no CDN, no other origin for anything. */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

  private static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");
  private static final MediaType SCRIPT = MediaType.parseMediaType("text/javascript;charset=UTF-8");
  private static final MediaType STYLES = MediaType.parseMediaType("text/css;charset=UTF-8");
  private static final MediaType JSON = MediaType.parseMediaType("application/json;charset=UTF-8");

  @Bean
  OpsConsole opsConsole(
      DatabaseClient db,
      ReactiveTransactionManager transactions,
      SourceConnectors connectors,
      Clock clock) {
    return new OpsConsole(
        db,
        TransactionalOperator.create(transactions, OpsConsole.snapshotDefinition()),
        connectors,
        clock);
  }

  @Bean
  RouterFunction<ServerResponse> opsConsolePage() {
    return route(GET("/ops/console"), file("console.html", HTML))
        .andRoute(GET("/ops/console.js"), file("console.js", SCRIPT))
        .andRoute(GET("/ops/console.css"), file("console.css", STYLES))
        .andRoute(GET("/ops/console-samples.json"), file("console-samples.json", JSON));
  }

  private static HandlerFunction<ServerResponse> file(String name, MediaType type) {
    byte[] content = read("static/ops/" + name);
    return request ->
        ServerResponse.ok()
            .contentType(type)
            .cacheControl(CacheControl.noCache())
            .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
            .header("X-Content-Type-Options", "nosniff")
            .bodyValue(content);
  }

  private static byte[] read(String path) {
    try {
      return new ClassPathResource(path).getContentAsByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("the operator console's " + path + " is missing", e);
    }
  }
}
