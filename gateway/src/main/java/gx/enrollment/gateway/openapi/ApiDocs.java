package gx.enrollment.gateway.openapi;

/**
 * References to the shared parts of the OpenAPI document, for controllers' annotations:
 *
 * <pre>{@code
 * @ApiResponse(responseCode = "409", content = @Content(mediaType = ApiDocs.PROBLEM_JSON,
 *     schema = @Schema(ref = ApiDocs.PROBLEM),
 *     examples = @ExampleObject(name = "duplicate", ref = ApiDocs.EXAMPLES + "problem-duplicate-application")))
 * }</pre>
 *
 * Every JSON file under {@code classpath:openapi/examples/} is an example named after the file
 * (without {@code .json}); add one there to use it.
 */
public final class ApiDocs {

  /** RFC 9457. */
  public static final String PROBLEM_JSON = "application/problem+json";

  /** The problem details schema (type, title, status, detail, instance, errors[]). */
  public static final String PROBLEM = "#/components/schemas/Problem";

  /** Prefix of the examples loaded from {@code classpath:openapi/examples/}. */
  public static final String EXAMPLES = "#/components/examples/";

  public static final String IDEMPOTENCY_KEY_DESCRIPTION =
      "1–200 visible ASCII characters. A retry with the same key and the same body gets the first"
          + " answer again, byte for byte, without asking any source again; the same key with"
          + " another body gets 409 idempotency-key-reused.";

  private ApiDocs() {}
}
