package gx.enrollment.connectors.resilience;

import gx.enrollment.connectors.Source;
import gx.enrollment.connectors.UnavailableReason;

/** The connection to the source was refused, timed out while connecting, or was reset or closed. */
public final class UpstreamConnectionException extends SourceUnavailableException {

  private static final long serialVersionUID = 1L;

  private UpstreamConnectionException(Source source, Throwable cause) {
    super(source, "connection failed (" + cause.getClass().getSimpleName() + ")", cause);
  }

  public static UpstreamConnectionException of(Source source, Throwable cause) {
    return new UpstreamConnectionException(source, cause);
  }

  @Override
  public UnavailableReason reason() {
    return UnavailableReason.UPSTREAM_ERROR;
  }

  @Override
  public boolean isTransient() {
    return true;
  }
}
