package gx.enrollment.mocks.population;

/** The keys of the hand-written families of {@link SyntheticPopulation#standard()}. */
public final class FamilyKeys {

  /** Local child and mother, mother owns the home in 450702: everything matches. */
  public static final String LOCAL_OWNER = "local-owner";

  /** Migrant father with a valid permit and 26 months of social security in 450702; rents. */
  public static final String MIGRANT_RENTER = "migrant-renter";

  /** Migrant father, valid permit and social security, owns the home in 450702. */
  public static final String MIGRANT_OWNER = "migrant-owner";

  /** Local family in 451321 (忻城县), a form B area: only the household register matters. */
  public static final String LOCAL_SIMPLE = "local-simple";

  /** Local junior-middle-school child (born 2012) in 451402, home owned there. */
  public static final String JUNIOR_LOCAL = "junior-local";

  /** The parent types a child name that differs from the registered one. */
  public static final String CHILD_NAME_MISMATCH = "child-name-mismatch";

  /** The child's ID number is valid but absent from the household register. */
  public static final String CHILD_NOT_FOUND = "child-not-found";

  /** Both exist, but the register does not record the guardian as the child's parent. */
  public static final String NOT_GUARDIAN = "not-guardian";

  /** Migrant guardian whose residence permit expired six months ago. */
  public static final String PERMIT_EXPIRED = "permit-expired";

  /** Migrant guardian with a valid permit for 451402 (崇左) applying in 450702 (钦州). */
  public static final String PERMIT_OTHER_REGION = "permit-other-region";

  /** Migrant guardian without any residence permit. */
  public static final String PERMIT_MISSING = "permit-missing";

  /** Migrant guardian whose social security stopped seven months ago. */
  public static final String SOCIAL_SECURITY_LAPSED = "social-security-lapsed";

  /** Migrant guardian contributing for only five continuous months. */
  public static final String SOCIAL_SECURITY_SHORT = "social-security-short";

  /** Migrant guardian contributing in 南宁 (450103) while applying in 钦州. */
  public static final String SOCIAL_SECURITY_OTHER_REGION = "social-security-other-region";

  /** Local family whose home is under a court seal. */
  public static final String PROPERTY_SEALED = "property-sealed";

  /** The declared certificate exists but belongs to someone else. */
  public static final String PROPERTY_OTHER_OWNER = "property-other-owner";

  /** Owned home that lies in 450721 (灵山县) while applying for 450702. */
  public static final String PROPERTY_OTHER_REGION = "property-other-region";

  /** Local family in 450703 whose father is an active serviceman (form B, priority group). */
  public static final String PRIORITY_CATEGORY = "priority-category";

  /** Consistent migrant family with Uyghur names containing {@code ·}. */
  public static final String MINORITY_NAME = "minority-name";

  private FamilyKeys() {}
}
