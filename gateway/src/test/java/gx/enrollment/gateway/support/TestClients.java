package gx.enrollment.gateway.support;

/**
 * The plain API keys of the test-only clients of {@code src/test/resources/edge/test-clients.yml}
 * (which stores only their SHA-256), and how a test context loads that file.
 */
public final class TestClients {

  /** Added to every test context: the test-only clients beside those of {@code config/}. */
  public static final String CONFIG_IMPORT = "classpath:edge/test-clients.yml";

  public static final String HEADER = "X-Api-Key";

  /** Every role, every region: the default credential of {@link StubbedGateway#client}. */
  public static final String ALL = "test-all-0d6c2a9e8f4b17c53e91";

  public static final String PORTAL_QINZHOU = "test-portal-qinzhou-4a1e9c7b2d5f08e6";
  public static final String OFFLINE_LAIBIN = "test-offline-laibin-7c3f1a9e5b2d48c0";
  public static final String REVIEWER = "test-reviewer-2e8b6d4f1a9c07e3";

  /** A reviewer of 来宾's pilot counties only. */
  public static final String REVIEWER_LAIBIN = "test-reviewer-laibin-3d9a6f1c8e4b27d5";

  public static final String OPERATOR = "test-operator-9f1b3d7c5e2a84f6";
  public static final String LIMITED_A = "test-limited-a-6d2f8b4e1c9a07e5";
  public static final String LIMITED_B = "test-limited-b-1b7e5c3a9f2d64e8";

  /** test-reviewer's HS256 secret and issuer. */
  public static final String REVIEWER_SECRET = "test-only-reviewer-hs256-secret-0123456789abcdef";

  public static final String REVIEWER_ISSUER = "https://review.test.example";

  /** test-portal-rs256's issuer (its private key: {@code edge/test-rs256-private.pem}). */
  public static final String RS256_ISSUER = "https://portal.test.example";

  public static final String AUDIENCE = "enrollment-gateway";

  private TestClients() {}
}
