package fr.communitydefender.console.access;

import fr.communitydefender.domain.access.Role;
import java.util.List;
import java.util.Set;

/** Who makes a request: an account of a live session, its roles now, and the client's address. */
public record Actor(String username, String displayName, Set<Role> roles, String address, String sessionId) {
  /** The key under which {@link AccessHandler} puts the actor in the routing context. */
  public static final String KEY = "cd.actor";

  public Set<Permission> permissions() {
    return Permission.of(roles);
  }

  public List<String> roleIds() {
    return roles.stream().map(Role::id).sorted().toList();
  }

  /** The actor of a request that passed {@link AccessHandler} (null on public routes). */
  public static Actor of(io.vertx.ext.web.RoutingContext ctx) {
    return ctx.get(KEY);
  }
}
