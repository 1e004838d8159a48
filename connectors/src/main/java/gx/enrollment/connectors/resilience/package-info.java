/**
 * The resilience every connector shares, wired in one place ({@link
 * gx.enrollment.connectors.resilience.ResilienceStack}), and the failures it turns into {@link
 * gx.enrollment.connectors.SourceResult#unavailable} values: one small unchecked exception type per
 * way a source can fail, each naming the source.
 */
@NullMarked
package gx.enrollment.connectors.resilience;

import org.jspecify.annotations.NullMarked;
