/**
 * {@code Idempotency-Key}: the first answer to a key is stored and given again to every retry of
 * the same body; another body under the same key is refused.
 */
@NullMarked
package gx.enrollment.gateway.idempotency;

import org.jspecify.annotations.NullMarked;
