package gx.enrollment.gateway.application;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * 办件结果: the admission result of a completed application.
 *
 * @param school the school admitted to, when admitted
 * @param note the result as the parent's notice words it
 */
public record ApplicationResult(
    UUID applicationId,
    String reference,
    boolean admitted,
    @Nullable String school,
    @Nullable String note,
    OffsetDateTime decidedAt) {}
