/** 居住证 — residence permit (public security): a permit valid today in the application's city. */
@NullMarked
package gx.enrollment.connectors.residencepermit;

import org.jspecify.annotations.NullMarked;
