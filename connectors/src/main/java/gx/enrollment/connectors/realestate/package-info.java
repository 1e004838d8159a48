/**
 * 不动产登记 — real-estate registration (natural resources): the guardian owns the declared property,
 * and it lies in the region applied for.
 */
@NullMarked
package gx.enrollment.connectors.realestate;

import org.jspecify.annotations.NullMarked;
