package gx.enrollment.connectors.settings;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * How transient failures (connection refused or reset, attempt timeouts, 429, 500/502/503/504) are
 * retried. Retrying is safe because every source operation is a read; retries never go past the
 * verification's deadline.
 *
 * @param maxAttempts how many requests at most, the first one included ({@code 1} = no retry)
 * @param initialBackoff the wait before the first retry
 * @param backoffMultiplier each further wait is the previous one times this (at least 1.0)
 * @param randomizationFactor jitter: each wait is drawn from {@code wait × (1 ± factor)} so that
 *     many callers do not retry in step (0 = none, below 1)
 * @param maxBackoff no computed wait is longer than this
 * @param maxRetryAfter the longest {@code Retry-After} (on 429/503) we are willing to honour; a
 *     source asking for a longer wait, or for one that ends after the deadline, is not retried and
 *     the source reported as {@code REJECTED}
 */
public record RetrySettings(
    @Min(1) @Max(10) int maxAttempts,
    @NotNull @MinDuration(millis = 1) Duration initialBackoff,
    @DecimalMin("1.0") double backoffMultiplier,
    @DecimalMin("0.0") @DecimalMax(value = "1.0", inclusive = false) double randomizationFactor,
    @NotNull @MinDuration(millis = 1) Duration maxBackoff,
    @NotNull @MinDuration(millis = 0) Duration maxRetryAfter) {}
