package gx.enrollment.mocks.internal.sources;

/** A request a source refuses: {@code 400} or {@code 401} with the contract's error body. */
public final class RequestRejected extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;

  private RequestRejected(int status, String code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  static RequestRejected unauthorized() {
    return new RequestRejected(401, "UNAUTHORIZED", "missing or invalid bearer token");
  }

  static RequestRejected badRequest(String code, String message) {
    return new RequestRejected(400, code, message);
  }

  static RequestRejected invalidField(String path, String problem) {
    return badRequest("INVALID_FIELD", path + " " + problem);
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }
}
