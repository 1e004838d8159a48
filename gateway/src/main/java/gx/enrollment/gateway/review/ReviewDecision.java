package gx.enrollment.gateway.review;

import gx.enrollment.gateway.application.ApplicationStateMachine.Action;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A reviewer's decision about one application, validated.
 *
 * @param decisionId the reviewer tool's id of this decision; a repeat of it changes nothing
 * @param action ACCEPT (→ 办理中), REQUEST_SUPPLEMENT (→ 待补正), RETURN (→ 已退件) or COMPLETE (→ 已办结)
 * @param reason why, for RETURN and REQUEST_SUPPLEMENT (shown to the parent)
 * @param supplements what to fix, for REQUEST_SUPPLEMENT
 * @param admitted the admission result, for COMPLETE
 * @param school the school admitted to, for COMPLETE when admitted
 */
public record ReviewDecision(
    String decisionId,
    UUID applicationId,
    Action action,
    String reviewer,
    @Nullable String reason,
    List<String> supplements,
    @Nullable Boolean admitted,
    @Nullable String school) {

  public ReviewDecision {
    supplements = List.copyOf(supplements);
  }
}
