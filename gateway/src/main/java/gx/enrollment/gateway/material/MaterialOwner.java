package gx.enrollment.gateway.material;

import java.util.UUID;

/** Whose materials: a draft's (by its id) or an application's (by its id). */
record MaterialOwner(Kind kind, UUID id) {

  enum Kind {
    DRAFT,
    APPLICATION
  }

  static MaterialOwner draft(UUID id) {
    return new MaterialOwner(Kind.DRAFT, id);
  }

  static MaterialOwner application(UUID id) {
    return new MaterialOwner(Kind.APPLICATION, id);
  }

  /**
   * The condition on {@code materials} for this owner's materials, with {@code :owner} to bind: all
   * uploaded to a draft (also once submitted), or all of an application (also those its draft
   * brought).
   */
  String condition() {
    return kind == Kind.DRAFT ? "draft_id = :owner" : "application_id = :owner";
  }

  /** The path the owner's materials live under. */
  String path() {
    return kind == Kind.DRAFT
        ? "/api/v1/applications/drafts/" + id + "/materials"
        : "/api/v1/applications/" + id + "/materials";
  }

  @Override
  public String toString() {
    return (kind == Kind.DRAFT ? "draft " : "application ") + id;
  }
}
