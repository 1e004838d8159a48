/**
 * Enrollment policy as operators configure it in {@code config/regions.yml}: the pilot areas, their
 * form type, consultation phones, age rules per stage and policy numbers.
 */
@NullMarked
package gx.enrollment.gateway.policy;

import org.jspecify.annotations.NullMarked;
