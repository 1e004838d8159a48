package gx.enrollment.gateway.application;

import java.util.UUID;

/** An application was not in the status a change expected (another actor moved it first). */
public final class StatusConflictException extends RuntimeException {

  public StatusConflictException(UUID id, ApplicationStatus expected) {
    super("application " + id + " is no longer " + expected, null, false, false);
  }
}
