package gx.enrollment.mocks.population;

import org.jspecify.annotations.Nullable;

/** The parts of a named family, defaulting to a consistent PRIMARY family in 450702. */
final class FamilyDraft {
  private final String key;
  private final String description;
  private String phone;
  private String region = "450702";
  private Stage stage = Stage.PRIMARY;
  private @Nullable Resident child;
  private @Nullable String declaredChildName;
  private @Nullable Resident guardian;
  private String relation = "GUARDIAN";
  private @Nullable Permit permit;
  private @Nullable SocialSecurity socialSecurity;
  private @Nullable PropertyDraft property;
  private @Nullable String priorityCategory;
  private boolean childRegistered = true;
  private boolean guardianshipRecorded = true;

  FamilyDraft(String key, String description, String phone) {
    this.key = key;
    this.description = description;
    this.phone = phone;
  }

  FamilyDraft region(String value) {
    region = value;
    return this;
  }

  FamilyDraft stage(Stage value) {
    stage = value;
    return this;
  }

  FamilyDraft child(Resident value) {
    child = value;
    return this;
  }

  FamilyDraft declaredChildName(String value) {
    declaredChildName = value;
    return this;
  }

  FamilyDraft childUnregistered() {
    childRegistered = false;
    guardianshipRecorded = false;
    return this;
  }

  FamilyDraft guardian(Resident value, String relationToChild) {
    guardian = value;
    relation = relationToChild;
    return this;
  }

  FamilyDraft guardianshipUnrecorded() {
    guardianshipRecorded = false;
    return this;
  }

  FamilyDraft phone(String value) {
    phone = value;
    return this;
  }

  FamilyDraft permit(Permit value) {
    permit = value;
    return this;
  }

  FamilyDraft socialSecurity(SocialSecurity value) {
    socialSecurity = value;
    return this;
  }

  FamilyDraft property(PropertyDraft value) {
    property = value;
    return this;
  }

  FamilyDraft priorityCategory(String value) {
    priorityCategory = value;
    return this;
  }

  Family build() {
    Resident theChild = require(child, "child");
    Resident theGuardian = require(guardian, "guardian");
    return new Family(
        key,
        description,
        stage,
        region,
        theChild,
        declaredChildName != null ? declaredChildName : theChild.name(),
        theGuardian,
        relation,
        phone,
        permit,
        socialSecurity,
        property != null ? property.ownedBy(theGuardian) : null,
        priorityCategory,
        childRegistered,
        guardianshipRecorded);
  }

  private static <T> T require(@Nullable T value, String part) {
    if (value == null) {
      throw new IllegalStateException("named family has no " + part);
    }
    return value;
  }
}
