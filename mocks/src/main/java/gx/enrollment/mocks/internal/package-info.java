/**
 * How the stubs work inside; nothing here is API. {@code sources} computes the contract's answers
 * from the population, {@code faults} switches misbehaviour with higher-priority stub mappings, and
 * {@code http} counts requests in flight at the servlet level.
 */
@NullMarked
package gx.enrollment.mocks.internal;

import org.jspecify.annotations.NullMarked;
