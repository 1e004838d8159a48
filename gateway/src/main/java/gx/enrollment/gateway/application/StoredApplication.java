package gx.enrollment.gateway.application;

import java.util.UUID;

/**
 * The handle of a stored application.
 *
 * @param reference the number parents see, e.g. {@code GX2024-000123}
 */
public record StoredApplication(UUID id, String reference, String clientId) {}
