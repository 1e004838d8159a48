/**
 * 社保 — social security (human resources and social security): contributing in the application's
 * city now, and for long enough for the region's policy.
 */
@NullMarked
package gx.enrollment.connectors.socialsecurity;

import org.jspecify.annotations.NullMarked;
