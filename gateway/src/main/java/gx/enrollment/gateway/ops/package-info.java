/**
 * The operator console: a plain page served by the gateway ({@code /ops/console}) and the one JSON
 * endpoint it polls ({@code GET /api/v1/ops/console}) — each source's circuit breaker, latency
 * percentiles and failure reasons, the outbox backlog and the last verifications, masked.
 */
@NullMarked
package gx.enrollment.gateway.ops;

import org.jspecify.annotations.NullMarked;
