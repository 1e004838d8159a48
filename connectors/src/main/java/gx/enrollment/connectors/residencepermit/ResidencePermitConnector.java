package gx.enrollment.connectors.residencepermit;

import gx.enrollment.connectors.IdNumbers;
import gx.enrollment.connectors.QueryContext;
import gx.enrollment.connectors.ResidencePermitQuery;
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
 * Asks 居住证 ({@code POST /residence-permit/v1/verify}) whether the guardian holds a permit valid
 * today in the city of the region applied for.
 */
public final class ResidencePermitConnector implements SourceConnector<ResidencePermitQuery> {

  static final String PATH = "/residence-permit/v1/verify";

  private static final Logger log = LoggerFactory.getLogger(ResidencePermitConnector.class);

  private final SourceHttpClient http;
  private final ResilienceStack stack;

  public ResidencePermitConnector(SourceHttpClient http, ResilienceStack stack) {
    this.http = http;
    this.stack = stack;
  }

  @Override
  public Source source() {
    return Source.RESIDENCE_PERMIT;
  }

  @Override
  public Mono<SourceResult> verify(ResidencePermitQuery query, QueryContext context) {
    log.debug(
        "asking {} about {} in {} (request {})",
        source().key(),
        IdNumbers.mask(query.guardian().idNumber()),
        query.regionCode(),
        context.requestId());
    ObjectNode body = SourceHttpClient.personInRegion(query.guardian(), query.regionCode());
    return stack.call(context, http.post(PATH, body, context), ResidencePermitAnswer::read);
  }
}
