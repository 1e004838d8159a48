/**
 * Request counting at the servlet level. WireMock's serve-event listeners fire their "after
 * complete" phase as soon as a delayed asynchronous response is scheduled, not when it is sent, so
 * a servlet filter on the stub context counts a request as in flight until its (possibly
 * asynchronous) response has completed.
 */
@NullMarked
package gx.enrollment.mocks.internal.http;

import org.jspecify.annotations.NullMarked;
