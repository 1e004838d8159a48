/** Identifiers the gateway makes. */
@NullMarked
package gx.enrollment.gateway.ids;

import org.jspecify.annotations.NullMarked;
