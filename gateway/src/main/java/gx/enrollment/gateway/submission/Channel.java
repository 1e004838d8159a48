package gx.enrollment.gateway.submission;

/** How the application reached us. */
public enum Channel {
  /** The guardian in person, through the portal, after real-name authentication. */
  ONLINE,
  /** Entered by staff at a registration point (线下报名点). */
  OFFLINE
}
