package gx.enrollment.gateway.application;

import static org.assertj.core.api.Assertions.assertThat;

import gx.enrollment.gateway.application.ApplicationStateMachine.Action;
import gx.enrollment.gateway.application.ApplicationStateMachine.Actor;
import gx.enrollment.gateway.application.ApplicationStateMachine.Decision;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ApplicationStateMachineUnitTests {

  /** Every allowed change: status, action, actor → new status. Everything else is refused. */
  private static final List<String> ALLOWED =
      List.of(
          "RECEIVED VERIFY SYSTEM PENDING_ACCEPTANCE",
          "PENDING_ACCEPTANCE ACCEPT REVIEWER IN_PROGRESS",
          "PENDING_ACCEPTANCE REQUEST_SUPPLEMENT REVIEWER NEEDS_SUPPLEMENT",
          "IN_PROGRESS REQUEST_SUPPLEMENT REVIEWER NEEDS_SUPPLEMENT",
          "NEEDS_SUPPLEMENT SUPPLEMENT PARENT PENDING_ACCEPTANCE",
          "PENDING_ACCEPTANCE RETURN REVIEWER RETURNED",
          "NEEDS_SUPPLEMENT RETURN REVIEWER RETURNED",
          "IN_PROGRESS RETURN REVIEWER RETURNED",
          "IN_PROGRESS COMPLETE REVIEWER COMPLETED",
          "IN_PROGRESS COMPLETE SYSTEM COMPLETED",
          "IN_PROGRESS LOTTERY_NOT_ADMITTED SYSTEM IN_PROGRESS",
          "PENDING_ACCEPTANCE WITHDRAW PARENT WITHDRAWN");

  static Stream<Arguments> everyCombination() {
    List<Arguments> all = new ArrayList<>();
    for (ApplicationStatus status : ApplicationStatus.values()) {
      for (Action action : Action.values()) {
        for (Actor actor : Actor.values()) {
          String allowed =
              ALLOWED.stream()
                  .filter(line -> line.startsWith(status + " " + action + " " + actor + " "))
                  .findFirst()
                  .map(line -> line.substring(line.lastIndexOf(' ') + 1))
                  .orElse(null);
          all.add(Arguments.of(status, action, actor, allowed));
        }
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0} {1} by {2} → {3}")
  @MethodSource("everyCombination")
  void allows_exactly_the_changes_of_the_seed(
      ApplicationStatus status, Action action, Actor actor, String expected) {
    Decision decision = ApplicationStateMachine.decide(status, action, actor);

    if (expected == null) {
      assertThat(decision).isInstanceOf(Decision.Refused.class);
      assertThat(((Decision.Refused) decision).current()).isEqualTo(status);
    } else {
      assertThat(decision)
          .isEqualTo(new Decision.Allowed(status, ApplicationStatus.valueOf(expected)));
    }
  }

  @Test
  void refuses_a_withdrawal_once_in_progress_naming_the_status() {
    Decision decision =
        ApplicationStateMachine.decide(
            ApplicationStatus.IN_PROGRESS, Action.WITHDRAW, Actor.PARENT);

    assertThat(((Decision.Refused) decision).reason()).contains("IN_PROGRESS").contains("办理中");
  }

  @Test
  void nothing_leaves_a_withdrawn_returned_or_completed_application() {
    for (ApplicationStatus closed :
        Set.of(
            ApplicationStatus.WITHDRAWN, ApplicationStatus.RETURNED, ApplicationStatus.COMPLETED)) {
      for (Action action : Action.values()) {
        for (Actor actor : Actor.values()) {
          assertThat(ApplicationStateMachine.decide(closed, action, actor))
              .isInstanceOf(Decision.Refused.class);
        }
      }
    }
  }

  @ParameterizedTest
  @CsvSource({
    "RECEIVED, false",
    "PENDING_ACCEPTANCE, false",
    "IN_PROGRESS, true",
    "NEEDS_SUPPLEMENT, true",
    "RETURNED, true",
    "COMPLETED, true",
    "WITHDRAWN, false"
  })
  void notifies_the_guardian_of_the_changes_the_seed_names(ApplicationStatus status, boolean sms) {
    assertThat(ApplicationStateMachine.notifiesGuardian(status)).isEqualTo(sms);
  }
}
