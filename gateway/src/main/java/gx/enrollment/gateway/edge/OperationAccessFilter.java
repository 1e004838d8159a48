package gx.enrollment.gateway.edge;

import gx.enrollment.gateway.edge.EdgeProperties.Operation;
import gx.enrollment.gateway.web.ProblemException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * What an authenticated client may call, by the operation table: a call no row names is {@code 404}
 * (or {@code 405} with {@code Allow} when only the method is unknown) — nothing gets through
 * unlisted; a row whose roles the client lacks is {@code 403}. For rows scoped to a stored
 * application or lottery its region must be one the client serves, and a draft must be the client's
 * own ({@code 403} otherwise); an id that is not a UUID or names nothing is left to the handler
 * ({@code 400}/{@code 404}). Regions in a request body are judged where the body is read ({@code
 * verification.Submitter}, the drafts, review decisions, a new lottery).
 */
public class OperationAccessFilter implements GlobalFilter, Ordered {

  static final int ORDER = 400;

  private static final Logger log = LoggerFactory.getLogger(OperationAccessFilter.class);

  private static final Pattern UUID_TEXT =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private static final String APPLICATION_REGION =
      "select region_code from applications where id = :id";
  private static final String LOTTERY_REGION = "select region_code from lotteries where id = :id";

  private final OperationTable operations;
  private final DatabaseClient db;

  public OperationAccessFilter(OperationTable operations, DatabaseClient db) {
    this.operations = operations;
    this.db = db;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
    OperationTable.Lookup lookup = Operations.of(exchange, operations);
    if (lookup instanceof OperationTable.Unknown) {
      return Mono.error(ProblemException.notFound("the resource"));
    }
    if (lookup instanceof OperationTable.OtherMethods other) {
      exchange
          .getResponse()
          .getHeaders()
          .set(HttpHeaders.ALLOW, String.join(", ", other.allowed()));
      return Mono.error(ProblemException.methodNotAllowed(other.allowed()));
    }
    OperationTable.Found found = (OperationTable.Found) lookup;
    Operation operation = found.operation();
    if (operation.open()) {
      return chain.filter(exchange);
    }
    Caller caller = Caller.of(exchange);
    if (caller == null) {
      return Mono.error(ProblemException.unauthenticated("No credentials"));
    }
    if (operation.roles().stream().noneMatch(caller::has)) {
      RequestIdLogging.with(
          exchange,
          () ->
              log.info(
                  "refused client={} operation={}: role {} may not call it",
                  caller.clientId(),
                  operation.id(),
                  caller.roles()));
      return Mono.error(
          ProblemException.forbidden(
              "client " + caller.clientId() + " may not call " + operation.id()));
    }
    String id = found.id();
    if (id == null || !UUID_TEXT.matcher(id).matches()) {
      return chain.filter(exchange);
    }
    UUID uuid = UUID.fromString(id);
    switch (operation.scope()) {
      case APPLICATION:
        return served(caller, "application", APPLICATION_REGION, uuid)
            .then(Mono.defer(() -> chain.filter(exchange)));
      case LOTTERY:
        return served(caller, "lottery", LOTTERY_REGION, uuid)
            .then(Mono.defer(() -> chain.filter(exchange)));
      case DRAFT:
        return db.sql("select client_id from drafts where id = :id")
            .bind("id", uuid)
            .map(row -> row.get(0, String.class))
            .one()
            .flatMap(
                owner ->
                    owner.equals(caller.clientId())
                        ? Mono.<Void>empty()
                        : Mono.error(
                            ProblemException.forbidden(
                                "this draft belongs to another client than " + caller.clientId())))
            .then(Mono.defer(() -> chain.filter(exchange)));
      default:
        return chain.filter(exchange);
    }
  }

  /**
   * Refuses ({@code 403}) a stored application or lottery of an area the caller does not serve; one
   * that is not stored is left to the handler ({@code 404}).
   */
  private Mono<Void> served(Caller caller, String what, String regionOf, UUID id) {
    return db.sql(regionOf)
        .bind("id", id)
        .map(row -> row.get(0, String.class))
        .one()
        .flatMap(region -> Mono.fromRunnable(() -> caller.checkServes(region, what)))
        .then();
  }

  @Override
  public int getOrder() {
    return ORDER;
  }
}
