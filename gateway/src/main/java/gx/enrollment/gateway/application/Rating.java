package gx.enrollment.gateway.application;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** 办件评价: the parent's rating of the service (1–5) and comment, given once. */
public record Rating(
    UUID applicationId, int score, @Nullable String comment, OffsetDateTime ratedAt) {}
