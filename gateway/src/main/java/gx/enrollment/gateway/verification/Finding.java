package gx.enrollment.gateway.verification;

import gx.enrollment.connectors.Fact;
import gx.enrollment.connectors.Source;
import org.jspecify.annotations.Nullable;

/**
 * One thing the reviewer should know, in words.
 *
 * @param code stable, e.g. {@code SOURCE_UNAVAILABLE} or {@code RESIDENCE_PERMIT_EXPIRED}
 * @param severity how it bears on the outcome
 * @param source the source it comes from, if any
 * @param fact the fact it is about, if any
 * @param message for the reviewer, in Chinese; never contains an ID or phone number
 */
public record Finding(
    String code, Severity severity, @Nullable Source source, @Nullable Fact fact, String message) {

  /** How a finding bears on the outcome. */
  public enum Severity {
    /** A needed fact is contradicted: the outcome is {@link Outcome#INCONSISTENT}. */
    CONTRADICTION,
    /** A needed fact could not be verified: at best {@link Outcome#NEEDS_REVIEW}. */
    REVIEW,
    /** For the reviewer's information; does not change the outcome. */
    INFO
  }
}
