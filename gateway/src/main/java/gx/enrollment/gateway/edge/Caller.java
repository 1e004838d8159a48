package gx.enrollment.gateway.edge;

import gx.enrollment.gateway.submission.Channel;
import gx.enrollment.gateway.web.ProblemException;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.web.server.ServerWebExchange;

/**
 * The authenticated client of a request, as the edge found it: handlers receive it as a parameter
 * ({@link CallerArgumentResolver}) and use its id for idempotency keys, drafts and audit rows.
 *
 * @param clientId the client's id in {@code config/clients.yml}
 * @param roles what it is (the operation table decides what each role may call)
 * @param regions the GB/T 2260 codes of the areas it serves; {@code *} serves every area
 */
public record Caller(String clientId, Set<Role> roles, Set<String> regions) {

  /** The exchange attribute under which the edge leaves the caller for the handlers. */
  public static final String ATTRIBUTE = Caller.class.getName();

  /** Every area. */
  public static final String ALL_REGIONS = "*";

  public Caller {
    roles = Set.copyOf(roles);
    regions = Set.copyOf(regions);
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  /** Whether it serves the area {@code regionCode}. */
  public boolean serves(@Nullable String regionCode) {
    return regions.contains(ALL_REGIONS) || (regionCode != null && regions.contains(regionCode));
  }

  /** Online portals submit ONLINE, registration points OFFLINE. */
  public boolean mayUse(Channel channel) {
    return channel == Channel.ONLINE ? has(Role.PORTAL) : has(Role.OFFLINE_POINT);
  }

  /**
   * Refuses ({@code 403}) a form for an area this client does not serve or through a channel its
   * role does not use; a field the form leaves out is not judged here (validation names it).
   */
  public void checkMayFile(@Nullable String regionCode, @Nullable String channel) {
    if (regionCode != null && !serves(regionCode)) {
      throw ProblemException.forbidden(
          "client " + clientId + " does not serve region " + safe(regionCode));
    }
    if (channel != null) {
      for (Channel known : Channel.values()) {
        if (known.name().equals(channel) && !mayUse(known)) {
          throw ProblemException.forbidden(
              "client " + clientId + " may not submit through channel " + known);
        }
      }
    }
  }

  /**
   * Refuses ({@code 403}) unless this client serves {@code regionCode}, the area of a stored {@code
   * what} (an application, a lottery) it asked to read or act on.
   */
  public void checkServes(String regionCode, String what) {
    if (!serves(regionCode)) {
      throw ProblemException.forbidden(
          "client " + clientId + " does not serve the region of this " + what);
    }
  }

  /** The caller the edge authenticated for {@code exchange}, if any. */
  public static @Nullable Caller of(ServerWebExchange exchange) {
    return exchange.getAttribute(ATTRIBUTE);
  }

  /** A region code as far as it may be echoed: six digits, else not at all. */
  private static String safe(String regionCode) {
    return regionCode.matches("\\d{6}") ? regionCode : "(not a region code)";
  }
}
