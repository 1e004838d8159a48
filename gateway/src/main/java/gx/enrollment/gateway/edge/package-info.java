/**
 * The edge: Spring Cloud Gateway routes every {@code /api/**} (and {@code /actuator/**}) call
 * through filters that each do one thing — request id, body size limit, client authentication,
 * per-client rate limit, operation and region authorization, secure headers, CORS — and then
 * forwards it to our own handlers in the same application. Clients come from {@code
 * config/clients.yml}, routes and the operation table from {@code config/routes.yml}.
 */
@NullMarked
package gx.enrollment.gateway.edge;

import org.jspecify.annotations.NullMarked;
