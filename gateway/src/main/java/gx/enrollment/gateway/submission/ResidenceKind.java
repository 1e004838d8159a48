package gx.enrollment.gateway.submission;

/** The family's lawful stable residence. */
public enum ResidenceKind {
  /** Owned property: the certificate is checked against the real-estate register. */
  OWNED,
  RENTED,
  OTHER
}
