/**
 * What operators watch: the {@code enrollment.*} Prometheus meters (verifications, source results
 * and latencies, the resilience of each source, the outbox, Kafka publishing, SMS sends) and the
 * per-source health under {@code /actuator/health/sources}. The README's "Operating it → Metrics"
 * table lists every meter.
 */
@NullMarked
package gx.enrollment.gateway.metrics;

import org.jspecify.annotations.NullMarked;
