/**
 * The typed, validated settings of the four sources, bound from {@code sources.*} in {@code
 * config/connectors.yml}: one record per concern (connection, circuit breaker, retry, bulkhead).
 */
@NullMarked
package gx.enrollment.connectors.settings;

import org.jspecify.annotations.NullMarked;
