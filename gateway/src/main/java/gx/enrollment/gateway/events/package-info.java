/**
 * Domain events, told reliably: a change and the event that announces it are written in one
 * PostgreSQL transaction ({@link gx.enrollment.gateway.events.Outbox}), and {@link
 * gx.enrollment.gateway.events.OutboxRelay} carries committed events to Kafka at least once, in
 * order per application, through the {@link gx.enrollment.gateway.events.EventPublisher} port.
 * Reactor Kafka stays inside {@link gx.enrollment.gateway.events.ReactorKafkaEventPublisher}.
 */
@NullMarked
package gx.enrollment.gateway.events;

import org.jspecify.annotations.NullMarked;
