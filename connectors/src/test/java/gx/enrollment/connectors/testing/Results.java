package gx.enrollment.connectors.testing;

import gx.enrollment.connectors.Check;
import gx.enrollment.connectors.Fact;
import gx.enrollment.connectors.QueryContext;
import gx.enrollment.connectors.SourceResult;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/** Small readers and makers that keep assertions short. */
public final class Results {

  private Results() {}

  /** The check of {@code fact}; fails the test if there is none. */
  public static Check checkOf(SourceResult result, Fact fact) {
    return result.checks().stream()
        .filter(check -> check.fact() == fact)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no check of " + fact + " in " + result));
  }

  /** The consent id every test context carries. */
  public static final String CONSENT_ID = "c-test-7f3a";

  /** A context with a fresh request id and a deadline {@code within} from now on {@code clock}. */
  public static QueryContext within(Duration within, Clock clock) {
    return QueryContext.forEnrollment(
        "req-" + UUID.randomUUID(), clock.instant().plus(within), CONSENT_ID);
  }

  public static QueryContext within(Duration within) {
    return within(within, Clock.systemUTC());
  }
}
