/**
 * Faults as WireMock stub mappings of a higher priority than the operation's own (fixed delays,
 * {@code Fault.CONNECTION_RESET_BY_PEER}, scenarios for "fail n times"), switched from Java or over
 * the admin API extension at {@code /__admin/ext/fault}.
 */
@NullMarked
package gx.enrollment.mocks.internal.faults;

import org.jspecify.annotations.NullMarked;
