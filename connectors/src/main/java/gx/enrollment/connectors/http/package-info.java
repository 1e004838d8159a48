/**
 * What every source has in common on the wire: the request headers, the error statuses, strict
 * reading of the JSON answers. Connectors only say which path, which body and what the answer
 * means.
 */
@NullMarked
package gx.enrollment.connectors.http;

import org.jspecify.annotations.NullMarked;
