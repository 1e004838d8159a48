package gx.enrollment.gateway.review;

import gx.enrollment.gateway.application.ApplicationStateMachine.Action;
import gx.enrollment.gateway.submission.FieldError;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A reviewer's decision as received — over HTTP or from the topic {@code
 * enrollment.review.decisions} — with every field possibly missing or wrong, and the rules that
 * make it a {@link ReviewDecision} or the list of every bad field.
 */
public record DecisionRequest(
    @Nullable String decisionId,
    @Nullable String applicationId,
    @Nullable String decision,
    @Nullable String reviewer,
    @Nullable String reason,
    @Nullable List<String> supplements,
    @Nullable Boolean admitted,
    @Nullable String school) {

  private static final Pattern DECISION_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
  private static final Set<Action> REVIEWER_ACTIONS =
      EnumSet.of(Action.ACCEPT, Action.REQUEST_SUPPLEMENT, Action.RETURN, Action.COMPLETE);
  private static final int MAX_TEXT = 500;

  /** A valid decision, or every bad field. */
  public sealed interface Checked {
    record Valid(ReviewDecision decision) implements Checked {}

    record Invalid(List<FieldError> errors) implements Checked {}
  }

  public Checked check() {
    List<FieldError> errors = new ArrayList<>();
    if (decisionId == null || !DECISION_ID.matcher(decisionId).matches()) {
      errors.add(error("decisionId", "1 to 100 letters, digits or ._:-"));
    }
    UUID application = uuid(applicationId);
    if (application == null) {
      errors.add(error("applicationId", "the application's id (a UUID)"));
    }
    Action action = action(decision);
    if (action == null) {
      errors.add(error("decision", "one of ACCEPT, REQUEST_SUPPLEMENT, RETURN, COMPLETE"));
    }
    if (blank(reviewer) || reviewer.length() > 100) {
      errors.add(error("reviewer", "the reviewer's id, at most 100 characters"));
    }
    if (reason != null && reason.length() > MAX_TEXT) {
      errors.add(error("reason", "at most " + MAX_TEXT + " characters"));
    }
    if ((action == Action.RETURN || action == Action.REQUEST_SUPPLEMENT) && blank(reason)) {
      errors.add(error("reason", "required for " + action + " (shown to the parent)"));
    }
    List<String> items = supplements == null ? List.of() : supplements;
    if (action == Action.REQUEST_SUPPLEMENT
        && (items.isEmpty() || items.stream().anyMatch(DecisionRequest::blank))) {
      errors.add(error("supplements", "what the parent must fix, one or more items"));
    }
    if (action == Action.COMPLETE && admitted == null) {
      errors.add(error("admitted", "required for COMPLETE: the admission result"));
    }
    if (action == Action.COMPLETE && Boolean.TRUE.equals(admitted) && blank(school)) {
      errors.add(error("school", "required when admitted"));
    }
    if (!errors.isEmpty()) {
      return new Checked.Invalid(errors);
    }
    return new Checked.Valid(
        new ReviewDecision(
            decisionId,
            application,
            action,
            reviewer,
            blank(reason) ? null : reason.strip(),
            items,
            admitted,
            blank(school) ? null : school.strip()));
  }

  private static @Nullable UUID uuid(@Nullable String text) {
    try {
      return text == null ? null : UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static @Nullable Action action(@Nullable String text) {
    for (Action action : REVIEWER_ACTIONS) {
      if (action.name().equals(text)) {
        return action;
      }
    }
    return null;
  }

  private static boolean blank(@Nullable String text) {
    return text == null || text.isBlank();
  }

  private static FieldError error(String field, String expected) {
    return new FieldError(field, "INVALID", field + " must be " + expected);
  }
}
