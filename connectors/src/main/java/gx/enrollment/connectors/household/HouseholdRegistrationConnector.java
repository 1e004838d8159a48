package gx.enrollment.connectors.household;

import gx.enrollment.connectors.HouseholdQuery;
import gx.enrollment.connectors.IdNumbers;
import gx.enrollment.connectors.Person;
import gx.enrollment.connectors.QueryContext;
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
 * Asks 户籍 ({@code POST /hukou/v1/verify}) whether child and guardian exist under the given names
 * and whether the guardian is the child's guardian.
 */
public final class HouseholdRegistrationConnector implements SourceConnector<HouseholdQuery> {

  static final String PATH = "/hukou/v1/verify";

  private static final Logger log = LoggerFactory.getLogger(HouseholdRegistrationConnector.class);

  private final SourceHttpClient http;
  private final ResilienceStack stack;

  public HouseholdRegistrationConnector(SourceHttpClient http, ResilienceStack stack) {
    this.http = http;
    this.stack = stack;
  }

  @Override
  public Source source() {
    return Source.HOUSEHOLD;
  }

  @Override
  public Mono<SourceResult> verify(HouseholdQuery query, QueryContext context) {
    log.debug(
        "asking {} about child {} and guardian {} (request {})",
        source().key(),
        IdNumbers.mask(query.child().idNumber()),
        IdNumbers.mask(query.guardian().idNumber()),
        context.requestId());
    return stack.call(context, http.post(PATH, body(query), context), HouseholdAnswer::read);
  }

  private static ObjectNode body(HouseholdQuery query) {
    ObjectNode body = SourceHttpClient.newBody();
    person(body.putObject("child"), query.child());
    person(body.putObject("guardian"), query.guardian()).put("relation", query.relation().name());
    return body;
  }

  private static ObjectNode person(ObjectNode node, Person person) {
    return node.put("idNumber", person.idNumber()).put("name", person.name());
  }
}
