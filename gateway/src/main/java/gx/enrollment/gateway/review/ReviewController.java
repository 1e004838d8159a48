package gx.enrollment.gateway.review;

import gx.enrollment.gateway.application.ApplicationStateMachine.Action;
import gx.enrollment.gateway.submission.FieldError;
import gx.enrollment.gateway.web.ProblemException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code POST /api/v1/review/decisions}: reviewer tools send decisions here (受理 ACCEPT, 补齐补正
 * REQUEST_SUPPLEMENT, 退件 RETURN, 办结 COMPLETE). The answer is the decision's record: {@code
 * APPLIED}, or {@code REJECTED} with why.
 */
@RestController
public class ReviewController {

  private static final Pattern DECISION_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
  private static final Set<Action> REVIEWER_ACTIONS =
      EnumSet.of(Action.ACCEPT, Action.REQUEST_SUPPLEMENT, Action.RETURN, Action.COMPLETE);
  private static final int MAX_TEXT = 500;

  private final ReviewService reviews;

  public ReviewController(ReviewService reviews) {
    this.reviews = reviews;
  }

  /** The body, as received. */
  public record DecisionRequest(
      @Nullable String decisionId,
      @Nullable String applicationId,
      @Nullable String decision,
      @Nullable String reviewer,
      @Nullable String reason,
      @Nullable List<String> supplements,
      @Nullable Boolean admitted,
      @Nullable String school) {}

  @PostMapping(
      path = "/api/v1/review/decisions",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public Mono<DecisionRecord> decide(@RequestBody DecisionRequest request) {
    List<FieldError> errors = new ArrayList<>();
    if (request.decisionId() == null || !DECISION_ID.matcher(request.decisionId()).matches()) {
      errors.add(error("decisionId", "1 to 100 letters, digits or ._:-"));
    }
    UUID application = uuid(request.applicationId());
    if (application == null) {
      errors.add(error("applicationId", "the application's id (a UUID)"));
    }
    Action action = action(request.decision());
    if (action == null) {
      errors.add(error("decision", "one of ACCEPT, REQUEST_SUPPLEMENT, RETURN, COMPLETE"));
    }
    if (blank(request.reviewer()) || request.reviewer().length() > 100) {
      errors.add(error("reviewer", "the reviewer's id, at most 100 characters"));
    }
    if (request.reason() != null && request.reason().length() > MAX_TEXT) {
      errors.add(error("reason", "at most " + MAX_TEXT + " characters"));
    }
    if ((action == Action.RETURN || action == Action.REQUEST_SUPPLEMENT)
        && blank(request.reason())) {
      errors.add(error("reason", "required for " + action + " (shown to the parent)"));
    }
    List<String> supplements = request.supplements() == null ? List.of() : request.supplements();
    if (action == Action.REQUEST_SUPPLEMENT
        && (supplements.isEmpty() || supplements.stream().anyMatch(ReviewController::blank))) {
      errors.add(error("supplements", "what the parent must fix, one or more items"));
    }
    if (action == Action.COMPLETE && request.admitted() == null) {
      errors.add(error("admitted", "required for COMPLETE: the admission result"));
    }
    if (action == Action.COMPLETE
        && Boolean.TRUE.equals(request.admitted())
        && blank(request.school())) {
      errors.add(error("school", "required when admitted"));
    }
    if (!errors.isEmpty()) {
      return Mono.error(ProblemException.invalidRequest(errors));
    }
    return reviews.decide(
        new ReviewDecision(
            request.decisionId(),
            application,
            action,
            request.reviewer(),
            blank(request.reason()) ? null : request.reason().strip(),
            supplements,
            request.admitted(),
            blank(request.school()) ? null : request.school().strip()));
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
