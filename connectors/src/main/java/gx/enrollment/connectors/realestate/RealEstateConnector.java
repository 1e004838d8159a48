package gx.enrollment.connectors.realestate;

import gx.enrollment.connectors.QueryContext;
import gx.enrollment.connectors.RealEstateQuery;
import gx.enrollment.connectors.Source;
import gx.enrollment.connectors.SourceConnector;
import gx.enrollment.connectors.SourceResult;
import gx.enrollment.connectors.http.SourceHttpClient;
import gx.enrollment.connectors.resilience.ResilienceStack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

/**
 * Asks 不动产登记 ({@code POST /real-estate/v1/verify}) whether one of the given people owns the
 * property with the declared certificate, and where it lies.
 */
public final class RealEstateConnector implements SourceConnector<RealEstateQuery> {

  static final String PATH = "/real-estate/v1/verify";

  private static final Logger log = LoggerFactory.getLogger(RealEstateConnector.class);

  private final SourceHttpClient http;
  private final ResilienceStack stack;

  public RealEstateConnector(SourceHttpClient http, ResilienceStack stack) {
    this.http = http;
    this.stack = stack;
  }

  @Override
  public Source source() {
    return Source.REAL_ESTATE;
  }

  @Override
  public Mono<SourceResult> verify(RealEstateQuery query, QueryContext context) {
    // RealEstateQuery#toString shows neither ID numbers nor the certificate number.
    log.debug("asking {}: {} (request {})", source().key(), query, context.requestId());
    ObjectNode body = SourceHttpClient.newBody();
    query.ownerIdNumbers().forEach(body.putArray("ownerIdNumbers")::add);
    body.put("certificateNumber", query.certificateNumber());
    return stack.call(
        context,
        http.post(PATH, body, context),
        answer -> RealEstateAnswer.read(answer, query.regionCode()));
  }
}
