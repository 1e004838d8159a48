/**
 * 户籍 — household registration (public security): identities of child and guardian, guardianship.
 */
@NullMarked
package gx.enrollment.connectors.household;

import org.jspecify.annotations.NullMarked;
