package gx.enrollment.mocks;

/** The systems the gateway talks to, each stubbed by its own server. */
public enum Upstream {
  /** Household registration (户籍), public security. */
  HOUSEHOLD("/hukou/v1/verify", "household", "dev-household-token"),
  /** Residence permit (居住证), public security. */
  RESIDENCE_PERMIT("/residence-permit/v1/verify", "residence-permit", "dev-residence-permit-token"),
  /** Social security (社保), human resources and social security. */
  SOCIAL_SECURITY("/social-security/v1/verify", "social-security", "dev-social-security-token"),
  /** Real-estate registration (不动产登记), natural resources. */
  REAL_ESTATE("/real-estate/v1/verify", "real-estate", "dev-real-estate-token"),
  /** The SMS gateway (短信平台). */
  SMS("/sms/v1/messages", "sms", "dev-sms-token");

  /** The standalone stubs listen on {@code PORT_BASE + 1} (household) to {@code + 5} (SMS). */
  public static final int DEFAULT_PORT_BASE = 9100;

  private final String path;
  private final String slug;
  private final String defaultToken;

  Upstream(String path, String slug, String defaultToken) {
    this.path = path;
    this.slug = slug;
    this.defaultToken = defaultToken;
  }

  /** The one operation's path, e.g. {@code /hukou/v1/verify}. */
  public String path() {
    return path;
  }

  /** A lower-case name for options and logs, e.g. {@code residence-permit}. */
  public String slug() {
    return slug;
  }

  /** The development bearer token the stub accepts unless configured otherwise. */
  public String defaultToken() {
    return defaultToken;
  }

  /** This upstream's port for a port base: household is base + 1, ..., SMS is base + 5. */
  public int port(int portBase) {
    return portBase + ordinal() + 1;
  }
}
