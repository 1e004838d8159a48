/**
 * Applications (办件): what a submission becomes once accepted — stored with its identifiers
 * encrypted, its status history, consent and verification reports — and the rules of its status.
 */
@NullMarked
package gx.enrollment.gateway.application;

import org.jspecify.annotations.NullMarked;
