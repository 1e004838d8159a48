package gx.enrollment.gateway.edge;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The edge's settings ({@code enrollment.edge.*}): the clients of {@code config/clients.yml} and
 * the operation table of {@code config/routes.yml}, bound and checked at start — a bad entry stops
 * the start with a message naming its key.
 *
 * @param clients every client by id, with its credential, roles, regions and rate limit
 * @param tokens what a client's signed JWT must say besides its signature
 * @param defaultRateLimit the budget of a client that sets none
 * @param operations which roles may call which method and path; a call that matches none is {@code
 *     404} (or {@code 405} when only the method differs)
 */
@ConfigurationProperties("enrollment.edge")
@Validated
public record EdgeProperties(
    Map<String, @Valid Client> clients,
    @Valid @NotNull Tokens tokens,
    @Valid @NotNull RateLimit defaultRateLimit,
    List<@Valid Operation> operations) {

  private static final String PREFIX = "enrollment.edge.";
  private static final String CLIENT_ID = "[a-z0-9][a-z0-9-]{1,62}";
  private static final Set<String> METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

  public EdgeProperties {
    clients = clients == null ? Map.of() : new LinkedHashMap<>(clients);
    operations = operations == null ? List.of() : List.copyOf(operations);
    if (clients.isEmpty()) {
      throw new IllegalArgumentException(PREFIX + "clients: no client is configured");
    }
    for (Map.Entry<String, Client> entry : clients.entrySet()) {
      String key = PREFIX + "clients." + entry.getKey();
      if (!entry.getKey().matches(CLIENT_ID)) {
        throw new IllegalArgumentException(
            key + ": a client id is 2-63 lower-case letters, digits and dashes");
      }
      entry.getValue().check(key);
    }
    if (operations.isEmpty()) {
      throw new IllegalArgumentException(PREFIX + "operations: the operation table is empty");
    }
    PathPatternParser parser = new PathPatternParser();
    for (int i = 0; i < operations.size(); i++) {
      Operation operation = operations.get(i);
      String key = PREFIX + "operations[" + i + "]";
      try {
        parser.parse(operation.path());
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(
            key + ".path: " + operation.path() + " is not a path pattern: " + e.getMessage(), e);
      }
      for (String method : operation.methods()) {
        if (!METHODS.contains(method)) {
          throw new IllegalArgumentException(key + ".methods: unknown method " + method);
        }
      }
      if (operation.open() == !operation.roles().isEmpty()) {
        throw new IllegalArgumentException(
            key + ": an operation is either open: true or lists the roles that may call it");
      }
    }
  }

  /**
   * One client: a portal backend, a registration point, the reviewer tool or an operator.
   *
   * @param roles what it is
   * @param regions the area codes it serves ({@code *}: all)
   * @param apiKeySha256 the SHA-256 (hex) of its API key ({@code X-Api-Key}); the key itself is
   *     never stored
   * @param jwt how its signed tokens ({@code Authorization: Bearer}) are checked
   * @param rateLimit its budget; the default one if absent
   */
  public record Client(
      List<Role> roles,
      List<String> regions,
      @Nullable String apiKeySha256,
      @Nullable @Valid Jwt jwt,
      @Nullable @Valid RateLimit rateLimit) {

    public Client {
      roles = roles == null ? List.of() : List.copyOf(roles);
      regions = regions == null ? List.of() : List.copyOf(regions);
      apiKeySha256 = apiKeySha256 == null ? null : apiKeySha256.toLowerCase(Locale.ROOT);
    }

    void check(String key) {
      if (roles.isEmpty()) {
        throw new IllegalArgumentException(key + ".roles: a client needs at least one role");
      }
      if (regions.isEmpty()) {
        throw new IllegalArgumentException(
            key + ".regions: a client serves at least one area (or * for all)");
      }
      for (int i = 0; i < regions.size(); i++) {
        if (!regions.get(i).matches("\\*|\\d{6}")) {
          throw new IllegalArgumentException(
              key + ".regions[" + i + "]: " + regions.get(i) + " is not a six-digit area code");
        }
      }
      if (apiKeySha256 == null && jwt == null) {
        throw new IllegalArgumentException(
            key + ": a client needs a credential (api-key-sha256 or jwt)");
      }
      if (apiKeySha256 != null && !apiKeySha256.matches("[0-9a-f]{64}")) {
        throw new IllegalArgumentException(
            key + ".api-key-sha256: not a SHA-256 in hex (64 hex digits)");
      }
      if (jwt != null) {
        jwt.check(key + ".jwt");
      }
    }
  }

  /**
   * How a client's tokens are verified: its {@code sub} names the client, its {@code iss} must be
   * {@code issuer}, and it must be signed with {@code algorithm} by {@code secret} (HS256, at least
   * 32 bytes) or the private key of {@code publicKey} (RS256, PEM).
   */
  public record Jwt(
      @NotNull Algorithm algorithm,
      @NotBlank String issuer,
      @Nullable String secret,
      @Nullable String publicKey) {

    void check(String key) {
      if (algorithm == Algorithm.HS256
          && (secret == null
              || secret.getBytes(java.nio.charset.StandardCharsets.UTF_8).length < 32)) {
        throw new IllegalArgumentException(
            key + ".secret: HS256 needs a secret of at least 32 bytes");
      }
      if (algorithm == Algorithm.RS256 && (publicKey == null || publicKey.isBlank())) {
        throw new IllegalArgumentException(key + ".public-key: RS256 needs a PEM public key");
      }
    }
  }

  /** The signature algorithms a client may use; none other is accepted. */
  public enum Algorithm {
    HS256,
    RS256
  }

  /**
   * @param audience the {@code aud} every token must carry: this gateway
   * @param clockSkew how far {@code exp} and {@code nbf} may be off
   */
  public record Tokens(@NotBlank String audience, @DefaultValue("30s") Duration clockSkew) {
    public Tokens {
      if (clockSkew.isNegative() || clockSkew.compareTo(Duration.ofMinutes(5)) > 0) {
        throw new IllegalArgumentException(
            PREFIX + "tokens.clock-skew: between 0 and 5 minutes, not " + clockSkew);
      }
    }
  }

  /** A token bucket: up to {@code capacity} calls at once, refilled by {@code refillPerSecond}. */
  public record RateLimit(long capacity, double refillPerSecond) {
    public RateLimit {
      if (capacity < 1) {
        throw new IllegalArgumentException("rate-limit.capacity: at least 1, not " + capacity);
      }
      if (!(refillPerSecond > 0) || refillPerSecond > 1_000_000) {
        throw new IllegalArgumentException(
            "rate-limit.refill-per-second: above 0, not " + refillPerSecond);
      }
    }
  }

  /** Where the region of a call is judged. */
  public enum Scope {
    /** Nowhere: the call touches no one's application. */
    NONE,
    /** In the body ({@code regionCode}), by the handler that reads it. */
    BODY,
    /** The stored application named by the path's {@code {id}}: its region must be served. */
    APPLICATION,
    /** The stored draft named by the path's {@code {id}}: it must be the caller's own. */
    DRAFT,
    /** The stored lottery named by the path's {@code {id}}: its region must be served. */
    LOTTERY
  }

  /**
   * One row of the operation table.
   *
   * @param id a name for logs and the README
   * @param methods the HTTP methods (none: every method)
   * @param path a Spring path pattern ({@code {id}} names the application, draft or lottery)
   * @param roles the roles that may call it
   * @param open whether it needs no credentials at all (health probes, API docs)
   * @param scope where its region is judged
   */
  public record Operation(
      @NotBlank String id,
      List<String> methods,
      @NotBlank String path,
      List<Role> roles,
      boolean open,
      @DefaultValue("NONE") Scope scope) {
    public Operation {
      methods =
          methods == null
              ? List.of()
              : methods.stream().map(m -> m.toUpperCase(Locale.ROOT)).toList();
      roles = roles == null ? List.of() : List.copyOf(roles);
    }
  }
}
