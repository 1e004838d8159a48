package gx.enrollment.gateway.edge;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.proc.SingleKeyJWSKeySelector;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import gx.enrollment.gateway.edge.EdgeProperties.Algorithm;
import gx.enrollment.gateway.edge.EdgeProperties.Client;
import gx.enrollment.gateway.web.ProblemException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;

/**
 * Who is calling: a client of {@code config/clients.yml} proves itself with its API key ({@code
 * X-Api-Key}, compared as a SHA-256 in constant time against every client's) or with a signed JWT
 * ({@code Authorization: Bearer}) whose {@code sub} names it, verified by Nimbus JOSE+JWT against
 * that client's key and algorithm only (so {@code alg: none} or a swapped algorithm fails), with
 * its issuer, this gateway as audience, and an expiry within the allowed clock skew. Pure CPU work:
 * no I/O.
 */
public final class ClientAuthenticator {

  public static final String API_KEY_HEADER = "X-Api-Key";

  private static final String BEARER = "Bearer ";
  private static final int MAX_CREDENTIAL_LENGTH = 8192;

  private record KeyedClient(String id, byte[] keyHash) {}

  /** The clients in force: replaced whole when {@code config/clients.yml} changes. */
  private record Clients(
      Map<String, Caller> callers,
      List<KeyedClient> keyed,
      Map<String, DefaultJWTProcessor<SecurityContext>> tokenProcessors) {}

  private volatile Clients clients;

  public ClientAuthenticator(EdgeProperties properties) {
    this.clients = load(properties);
  }

  /** Takes the clients of a valid new {@code config/clients.yml}; the next request sees them. */
  public void replace(EdgeProperties properties) {
    this.clients = load(properties);
  }

  private static Clients load(EdgeProperties properties) {
    Map<String, Caller> callers = new HashMap<>();
    List<KeyedClient> keyed = new ArrayList<>();
    Map<String, DefaultJWTProcessor<SecurityContext>> tokenProcessors = new HashMap<>();
    HexFormat hex = HexFormat.of();
    properties
        .clients()
        .forEach(
            (id, client) -> {
              Set<Role> roles = EnumSet.copyOf(client.roles());
              callers.put(id, new Caller(id, roles, new LinkedHashSet<>(client.regions())));
              if (client.apiKeySha256() != null) {
                keyed.add(new KeyedClient(id, hex.parseHex(client.apiKeySha256())));
              }
              if (client.jwt() != null) {
                tokenProcessors.put(id, processor(id, client, properties.tokens()));
              }
            });
    return new Clients(Map.copyOf(callers), List.copyOf(keyed), Map.copyOf(tokenProcessors));
  }

  /** The caller the request's credentials prove, or a {@code 401} saying what is wrong. */
  public Caller authenticate(HttpHeaders headers) {
    String apiKey = headers.getFirst(API_KEY_HEADER);
    String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
    if (apiKey != null) {
      return byApiKey(apiKey);
    }
    if (authorization != null) {
      if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
        throw ProblemException.unauthenticated(
            "Authorization must be a Bearer token (or send X-Api-Key)");
      }
      return byToken(authorization.substring(BEARER.length()).strip());
    }
    throw ProblemException.unauthenticated(
        "No credentials: send the client's X-Api-Key or Authorization: Bearer <signed JWT>");
  }

  /** The configured caller with this id, if there is one. */
  public @Nullable Caller caller(String clientId) {
    return clients.callers().get(clientId);
  }

  private Caller byApiKey(String apiKey) {
    if (apiKey.isEmpty() || apiKey.length() > MAX_CREDENTIAL_LENGTH) {
      throw ProblemException.unauthenticated("The API key is not valid");
    }
    byte[] presented = sha256(apiKey.getBytes(StandardCharsets.UTF_8));
    Clients current = clients;
    String found = null;
    for (KeyedClient client : current.keyed()) {
      // Every client is compared, in constant time, whichever matches.
      if (MessageDigest.isEqual(presented, client.keyHash()) && found == null) {
        found = client.id();
      }
    }
    if (found == null) {
      throw ProblemException.unauthenticated("The API key is not valid");
    }
    return current.callers().get(found);
  }

  private Caller byToken(String token) {
    if (token.isEmpty() || token.length() > MAX_CREDENTIAL_LENGTH) {
      throw ProblemException.unauthenticated("The bearer token is not valid");
    }
    JWT jwt;
    String subject;
    try {
      jwt = JWTParser.parse(token);
      subject = jwt.getJWTClaimsSet().getSubject();
    } catch (java.text.ParseException | RuntimeException e) {
      throw ProblemException.unauthenticated("The bearer token is not a well-formed JWT");
    }
    if (!(jwt instanceof SignedJWT signed)) {
      throw ProblemException.unauthenticated("The bearer token is not signed");
    }
    DefaultJWTProcessor<SecurityContext> processor =
        subject == null ? null : clients.tokenProcessors().get(subject);
    if (processor == null) {
      throw ProblemException.unauthenticated("The bearer token names no client that uses tokens");
    }
    try {
      processor.process(signed, null);
    } catch (BadJWTException e) {
      String message = String.valueOf(e.getMessage());
      throw ProblemException.unauthenticated(
          message.contains("xpired")
              ? "The bearer token has expired"
              : "The bearer token's claims are not accepted (issuer, audience, subject, expiry)");
    } catch (BadJOSEException | com.nimbusds.jose.JOSEException | RuntimeException e) {
      throw ProblemException.unauthenticated(
          "The bearer token's signature or algorithm is not accepted");
    }
    return clients.callers().get(subject);
  }

  private static DefaultJWTProcessor<SecurityContext> processor(
      String clientId, Client client, EdgeProperties.Tokens tokens) {
    EdgeProperties.Jwt settings = client.jwt();
    Key key;
    JWSAlgorithm algorithm;
    if (settings.algorithm() == Algorithm.HS256) {
      algorithm = JWSAlgorithm.HS256;
      key = new SecretKeySpec(settings.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    } else {
      algorithm = JWSAlgorithm.RS256;
      key = rsaPublicKey(clientId, settings.publicKey());
    }
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    processor.setJWSKeySelector(new SingleKeyJWSKeySelector<>(algorithm, key));
    DefaultJWTClaimsVerifier<SecurityContext> claims =
        new DefaultJWTClaimsVerifier<>(
            tokens.audience(),
            new JWTClaimsSet.Builder().issuer(settings.issuer()).subject(clientId).build(),
            Set.of("exp", "iat"));
    claims.setMaxClockSkew((int) tokens.clockSkew().toSeconds());
    processor.setJWTClaimsSetVerifier(claims);
    return processor;
  }

  private static Key rsaPublicKey(String clientId, String pem) {
    String base64 =
        pem.replace("-----BEGIN PUBLIC KEY-----", "")
            .replace("-----END PUBLIC KEY-----", "")
            .replaceAll("\\s", "");
    try {
      return KeyFactory.getInstance("RSA")
          .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "enrollment.edge.clients."
              + clientId
              + ".jwt.public-key: not a PEM RSA public key (-----BEGIN PUBLIC KEY-----)",
          e);
    }
  }

  static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
