/**
 * SMS notices to the guardian of the status changes the seed names (办理中, 待补正, 已退件, 已办结): consumed
 * from the status-change events, sent through the SMS gateway at most once each.
 */
@NullMarked
package gx.enrollment.gateway.notify;

import org.jspecify.annotations.NullMarked;
