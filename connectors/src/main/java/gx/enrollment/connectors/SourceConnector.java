package gx.enrollment.connectors;

import reactor.core.publisher.Mono;

/**
 * The port every government source is reached through.
 *
 * <p>The returned {@code Mono} never signals an error and completes by {@link
 * QueryContext#deadline()}: a source that is down, slow, refusing or answering garbage yields
 * {@link SourceResult#unavailable} with the reason, never an exception.
 *
 * @param <Q> the question this source answers
 */
public interface SourceConnector<Q> {

  Source source();

  Mono<SourceResult> verify(Q query, QueryContext context);
}
