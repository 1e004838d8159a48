package gx.enrollment.connectors.socialsecurity;

import gx.enrollment.connectors.IdNumbers;
import gx.enrollment.connectors.QueryContext;
import gx.enrollment.connectors.SocialSecurityQuery;
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
 * Asks 社保 ({@code POST /social-security/v1/verify}) whether the guardian contributes in the city of
 * the region applied for, and for how many continuous months.
 */
public final class SocialSecurityConnector implements SourceConnector<SocialSecurityQuery> {

  static final String PATH = "/social-security/v1/verify";

  private static final Logger log = LoggerFactory.getLogger(SocialSecurityConnector.class);

  private final SourceHttpClient http;
  private final ResilienceStack stack;

  public SocialSecurityConnector(SourceHttpClient http, ResilienceStack stack) {
    this.http = http;
    this.stack = stack;
  }

  @Override
  public Source source() {
    return Source.SOCIAL_SECURITY;
  }

  @Override
  public Mono<SourceResult> verify(SocialSecurityQuery query, QueryContext context) {
    log.debug(
        "asking {} about {} in {} (request {})",
        source().key(),
        IdNumbers.mask(query.guardian().idNumber()),
        query.regionCode(),
        context.requestId());
    ObjectNode body = SourceHttpClient.personInRegion(query.guardian(), query.regionCode());
    return stack.call(
        context,
        http.post(PATH, body, context),
        answer -> SocialSecurityAnswer.read(answer, query.minimumContinuousMonths()));
  }
}
