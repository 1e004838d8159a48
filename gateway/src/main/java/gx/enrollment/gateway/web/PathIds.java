package gx.enrollment.gateway.web;

import java.util.UUID;

/** Ids in request paths: a path that cannot name anything is simply not found. */
public final class PathIds {

  private PathIds() {}

  /**
   * {@code text} as a UUID, or {@code 404 not-found} for {@code what} (e.g. "application"), echoing
   * only the characters a UUID may have.
   */
  public static UUID uuid(String text, String what) {
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      throw ProblemException.notFound(what + " " + text.replaceAll("[^0-9a-fA-F-]", "?"));
    }
  }
}
