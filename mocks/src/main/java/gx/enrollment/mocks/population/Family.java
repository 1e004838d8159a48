package gx.enrollment.mocks.population;

import org.jspecify.annotations.Nullable;

/**
 * One applying family: a child, the guardian who applies, and what each government source holds
 * about them. The records here are the sources' truth; what the parent types is the same except for
 * {@link #declaredChildName()}.
 *
 * @param key stable name of the family, e.g. {@code local-owner}
 * @param description what the family exercises, in one line
 * @param stage the stage the child enrolls into
 * @param regionCode the pilot county applied to (GB/T 2260)
 * @param child the child as registered in the household register
 * @param declaredChildName the child's name as the parent types it on the form; differs from {@code
 *     child.name()} only when the family exercises a name mismatch
 * @param guardian the applying guardian as registered
 * @param relation the guardian's declared relation: {@code FATHER}, {@code MOTHER} or {@code
 *     GUARDIAN}
 * @param phone the guardian's mobile number, for SMS
 * @param permit the guardian's residence permit, if any
 * @param socialSecurity the guardian's social-security record, if any
 * @param property the family's declared home as the real-estate register holds it, if any
 * @param priorityCategory the priority group (优抚对象) the family belongs to, e.g. {@code
 *     ACTIVE_SERVICEMAN}, if any
 * @param childRegistered whether the household register holds the child at all
 * @param guardianshipRecorded whether the register records the guardian as the child's parent or
 *     guardian (in the same household)
 */
public record Family(
    String key,
    String description,
    Stage stage,
    String regionCode,
    Resident child,
    String declaredChildName,
    Resident guardian,
    String relation,
    String phone,
    @Nullable Permit permit,
    @Nullable SocialSecurity socialSecurity,
    @Nullable Property property,
    @Nullable String priorityCategory,
    boolean childRegistered,
    boolean guardianshipRecorded) {

  /** Whether the guardian's hukou is outside Guangxi (随迁子女). */
  public boolean migrant() {
    return !guardian.localHukou();
  }

  /** The pilot county applied to. */
  public PilotCounty county() {
    return PilotCounty.of(regionCode);
  }
}
