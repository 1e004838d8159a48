/**
 * What every HTTP answer has in common: RFC 9457 problem details for every error, the request size
 * limit, and the API's JSON settings.
 */
@NullMarked
package gx.enrollment.gateway.web;

import org.jspecify.annotations.NullMarked;
