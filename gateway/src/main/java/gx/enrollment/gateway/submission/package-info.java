/**
 * A submission as the portal sends it, and the pure rules that turn it into a valid {@link
 * gx.enrollment.gateway.submission.Submission} or the list of every bad field: GB 11643 ID numbers,
 * age per stage, the sections each form allows and needs, phones and enums. No Spring, no I/O.
 */
@NullMarked
package gx.enrollment.gateway.submission;

import org.jspecify.annotations.NullMarked;
