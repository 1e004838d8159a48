package gx.enrollment.connectors;

/** One fact of a submission that a source can confirm or contradict. */
public enum Fact {
  /** The child exists in the household register under the given name. */
  CHILD_IDENTITY(Source.HOUSEHOLD),
  /** The guardian exists in the household register under the given name. */
  GUARDIAN_IDENTITY(Source.HOUSEHOLD),
  /** The guardian really is the child's guardian (relation / same household). */
  GUARDIANSHIP(Source.HOUSEHOLD),
  /** The guardian holds a residence permit valid today in the application's city. */
  RESIDENCE_PERMIT(Source.RESIDENCE_PERMIT),
  /** The guardian is contributing to social security in the application's city now. */
  EMPLOYMENT(Source.SOCIAL_SECURITY),
  /** The guardian's continuous contribution meets the region's minimum number of months. */
  CONTRIBUTION_PERIOD(Source.SOCIAL_SECURITY),
  /** The declared certificate exists and the guardian is one of its owners. */
  PROPERTY_OWNERSHIP(Source.REAL_ESTATE),
  /** The property lies in the region applied for. */
  PROPERTY_LOCATION(Source.REAL_ESTATE);

  private final Source source;

  Fact(Source source) {
    this.source = source;
  }

  /** The source that answers this fact. */
  public Source source() {
    return source;
  }
}
