/**
 * Reviewers' decisions (受理, 补齐补正, 退件, 办结) arriving from reviewer tools, applied through the status
 * machine and recorded — applied or rejected — exactly once per decision id.
 */
@NullMarked
package gx.enrollment.gateway.review;

import org.jspecify.annotations.NullMarked;
