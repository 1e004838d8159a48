/**
 * The connector port: one {@link gx.enrollment.connectors.SourceConnector} per government source,
 * each answering a typed query with a {@link gx.enrollment.connectors.SourceResult} that never
 * fails and never outlives the caller's deadline.
 */
@NullMarked
package gx.enrollment.connectors;

import org.jspecify.annotations.NullMarked;
