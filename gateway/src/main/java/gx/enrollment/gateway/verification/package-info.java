/**
 * {@code POST /api/v1/verifications}: the fan-out of a valid submission to the sources it needs, in
 * parallel under one deadline, and the aggregation of their answers into a {@link
 * gx.enrollment.gateway.verification.VerificationReport}.
 */
@NullMarked
package gx.enrollment.gateway.verification;

import org.jspecify.annotations.NullMarked;
