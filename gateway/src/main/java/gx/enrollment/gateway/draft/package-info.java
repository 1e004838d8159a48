/**
 * Drafts (保存草稿): a form saved at any step, reopened and edited until submitted, and 再办一单 — a new
 * draft copied from a returned or withdrawn application.
 */
@NullMarked
package gx.enrollment.gateway.draft;

import org.jspecify.annotations.NullMarked;
