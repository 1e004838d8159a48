package gx.enrollment.connectors;

/** The government data sources the gateway verifies a submission against. */
public enum Source {
  HOUSEHOLD("household", "户籍"),
  RESIDENCE_PERMIT("residence-permit", "居住证"),
  SOCIAL_SECURITY("social-security", "社保"),
  REAL_ESTATE("real-estate", "不动产登记");

  private final String key;
  private final String label;

  Source(String key, String label) {
    this.key = key;
    this.label = label;
  }

  /** The key of this source under {@code sources.*} in {@code config/connectors.yml}. */
  public String key() {
    return key;
  }

  /** The Chinese name reviewers know the source by. */
  public String label() {
    return label;
  }
}
