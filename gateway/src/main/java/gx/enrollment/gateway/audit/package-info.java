/**
 * The audit trail: the hash chain over the records of source queries and status changes, its
 * verification ({@code GET /api/v1/ops/audit/verification}), and the access log a guardian sees
 * ({@code GET /api/v1/applications/{id}/access-log}).
 */
@NullMarked
package gx.enrollment.gateway.audit;

import org.jspecify.annotations.NullMarked;
