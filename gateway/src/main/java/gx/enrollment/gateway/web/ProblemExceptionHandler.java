package gx.enrollment.gateway.web;

import gx.enrollment.gateway.edge.RequestIdLogging;
import gx.enrollment.gateway.ids.TimeOrderedIds;
import gx.enrollment.gateway.submission.FieldError;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTransientResourceException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns every error of every request into RFC 9457 {@code application/problem+json}: our own
 * refusals with their field errors, the framework's (404, 405, 415…), malformed JSON with the path
 * of the bad field, bodies over the limit as 413, and anything unexpected as a 500 that reveals
 * nothing internal. Runs before Spring Boot's default error handler.
 */
@Component
@Order(-2)
public class ProblemExceptionHandler implements WebExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

  /** What a caller is told to wait when the database is away. */
  private static final String STORAGE_RETRY_AFTER_SECONDS = "5";

  private final JsonMapper json;

  public ProblemExceptionHandler(JsonMapper json) {
    this.json = json;
  }

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
    ServerHttpResponse response = exchange.getResponse();
    if (response.isCommitted()) {
      return Mono.error(error);
    }
    ProblemDetail problem = problemFor(error, exchange);
    byte[] body = json.writeValueAsBytes(problem);
    response.setStatusCode(HttpStatusCode.valueOf(problem.getStatus()));
    if (problem.getStatus() == ProblemType.STORAGE_UNAVAILABLE.status().value()) {
      response.getHeaders().set(HttpHeaders.RETRY_AFTER, STORAGE_RETRY_AFTER_SECONDS);
    }
    response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    response.getHeaders().setContentLength(body.length);
    DataBuffer buffer = response.bufferFactory().wrap(body);
    return response.writeWith(Mono.just(buffer));
  }

  ProblemDetail problemFor(Throwable error, ServerWebExchange exchange) {
    if (error instanceof ProblemException refusal) {
      return refusal.toProblemDetail();
    }
    if (causedBy(error, DataBufferLimitException.class) != null) {
      return problem(
          ProblemType.PAYLOAD_TOO_LARGE, "The request body is over the size limit", List.of());
    }
    if (error instanceof ServerWebInputException input) {
      return malformed(input);
    }
    if (causedBy(error, DataAccessResourceFailureException.class) != null
        || causedBy(error, R2dbcNonTransientResourceException.class) != null
        || causedBy(error, R2dbcTransientResourceException.class) != null) {
      // Nothing was acknowledged: the caller may retry (with its Idempotency-Key) once it is back.
      RequestIdLogging.with(
          exchange,
          () ->
              log.warn(
                  "storage unavailable on {} {}: {}",
                  exchange.getRequest().getMethod(),
                  exchange.getRequest().getPath(),
                  error.toString()));
      return problem(
          ProblemType.STORAGE_UNAVAILABLE,
          "The database cannot be reached; nothing was stored. Retry later.",
          List.of());
    }
    if (error instanceof ErrorResponse framework) {
      return fromFramework(framework);
    }
    String incident = TimeOrderedIds.next().toString();
    RequestIdLogging.with(
        exchange,
        () ->
            log.error(
                "unexpected error {} on {} {}",
                incident,
                exchange.getRequest().getMethod(),
                exchange.getRequest().getPath(),
                error));
    return problem(ProblemType.INTERNAL, "Unexpected error; incident " + incident, List.of());
  }

  private static ProblemDetail malformed(ServerWebInputException input) {
    JacksonException jackson = causedBy(input, JacksonException.class);
    if (jackson != null) {
      boolean syntax = jackson instanceof StreamReadException;
      String path = pathOf(jackson);
      String field = path.isEmpty() ? "$" : path;
      String code = syntax ? "MALFORMED_JSON" : "WRONG_TYPE";
      String message =
          syntax
              ? "the body is not well-formed JSON" + location(jackson)
              : field.equals("$")
                  ? "the body must be a JSON object"
                  : field + " has the wrong type or format";
      return problem(
          ProblemType.MALFORMED_REQUEST, message, List.of(new FieldError(field, code, message)));
    }
    if (causedBy(input, DecodingException.class) != null) {
      return problem(
          ProblemType.MALFORMED_REQUEST, "the body could not be read as JSON", List.of());
    }
    String reason = input.getReason() == null ? "Bad request" : input.getReason();
    ProblemType type =
        reason.contains("body") ? ProblemType.MALFORMED_REQUEST : ProblemType.BAD_REQUEST;
    return problem(type, reason, List.of());
  }

  private static ProblemDetail fromFramework(ErrorResponse framework) {
    int status = framework.getStatusCode().value();
    ProblemType type =
        switch (status) {
          case 404 -> ProblemType.NOT_FOUND;
          case 405 -> ProblemType.METHOD_NOT_ALLOWED;
          case 406 -> ProblemType.NOT_ACCEPTABLE;
          case 413 -> ProblemType.PAYLOAD_TOO_LARGE;
          case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
          default -> status >= 500 ? ProblemType.INTERNAL : ProblemType.BAD_REQUEST;
        };
    String detail = framework.getBody().getDetail();
    ProblemDetail problem = problem(type, detail == null ? type.title() : detail, List.of());
    problem.setStatus(status);
    return problem;
  }

  private static ProblemDetail problem(ProblemType type, String detail, List<FieldError> errors) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(type.status(), detail);
    problem.setType(type.type());
    problem.setTitle(type.title());
    if (!errors.isEmpty()) {
      problem.setProperty("errors", errors);
    }
    return problem;
  }

  /** {@code guardian.phone}, {@code sources[2].name}: the JSON path as API errors name fields. */
  private static String pathOf(JacksonException error) {
    StringBuilder path = new StringBuilder();
    for (JacksonException.Reference reference : error.getPath()) {
      if (reference.getPropertyName() != null) {
        if (path.length() > 0) {
          path.append('.');
        }
        path.append(reference.getPropertyName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static String location(JacksonException error) {
    var location = error.getLocation();
    if (location == null || location.getLineNr() < 0) {
      return "";
    }
    return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
  }

  private static <T extends Throwable> T causedBy(Throwable error, Class<T> type) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return type.cast(cause);
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return null;
  }
}
