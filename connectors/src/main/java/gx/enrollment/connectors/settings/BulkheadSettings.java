package gx.enrollment.connectors.settings;

import jakarta.validation.constraints.Min;

/**
 * How many calls to one source may be in flight at once. A call beyond that is refused at once
 * (reported as {@code REJECTED}) instead of queueing: a queue would only spend the deadline of the
 * verification waiting. The connection pool to the source is sized to the same number.
 *
 * @param maxConcurrentCalls the most requests to this source in flight at the same time
 */
public record BulkheadSettings(@Min(1) int maxConcurrentCalls) {}
