package gx.enrollment.connectors.resilience;

import gx.enrollment.connectors.Source;
import gx.enrollment.connectors.UnavailableReason;
import org.jspecify.annotations.Nullable;

/**
 * A source gave no usable answer to one attempt. Subtypes say why; each knows the {@link
 * UnavailableReason} it is reported as, whether another attempt may help, and whether it says
 * something about the source's health (and so counts for its circuit breaker).
 *
 * <p>Stack traces are not filled in: these are expected outcomes on a hot path, the message names
 * the source and the cause is kept.
 */
public abstract class SourceUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final Source source;

  protected SourceUnavailableException(Source source, String message, @Nullable Throwable cause) {
    super(source.key() + ": " + message, cause, true, false);
    this.source = source;
  }

  /** The source that failed. */
  public Source source() {
    return source;
  }

  /** How the failure is reported. */
  public abstract UnavailableReason reason();

  /** Whether another attempt may succeed (and so may be made). */
  public abstract boolean isTransient();

  /** Whether the failure counts against the source's health in its circuit breaker. */
  public boolean isSourceFault() {
    return true;
  }
}
