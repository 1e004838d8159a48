package gx.enrollment.gateway.review;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What became of a decision, as recorded: applied (the application moved {@code fromStatus} →
 * {@code toStatus}) or rejected ({@code note} says why).
 */
public record DecisionRecord(
    String decisionId,
    UUID applicationId,
    String decision,
    String outcome,
    String fromStatus,
    @Nullable String toStatus,
    @Nullable String note,
    OffsetDateTime receivedAt) {}
