/**
 * The contract's answers, computed from the synthetic population by a WireMock response transformer
 * after the checks the real sources make (bearer token, {@code X-Request-Id}, {@code X-Purpose},
 * well-formed JSON with every field).
 */
@NullMarked
package gx.enrollment.mocks.internal.sources;

import org.jspecify.annotations.NullMarked;
