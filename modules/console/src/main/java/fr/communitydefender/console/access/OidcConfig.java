package fr.communitydefender.console.access;

import fr.communitydefender.domain.access.Role;
import java.util.Map;
import java.util.Set;

/**
 * An OpenID Connect provider (Keycloak, Entra ID, ProConnect-style): its issuer (discovery at
 * {@code issuer/.well-known/openid-configuration}), this console's client id and secret (null for a public client:
 * PKCE alone), the claim holding the user's groups or roles ({@code rolesClaim}, e.g. {@code groups} or
 * {@code roles}), and which claim value grants which console roles; a user with none of them cannot sign in.
 */
public record OidcConfig(String issuer, String clientId, String clientSecret, String rolesClaim,
    Map<String, Set<Role>> roleMapping, String label) {
  public OidcConfig {
    if (issuer == null || issuer.isBlank() || clientId == null || clientId.isBlank()) {
      throw new IllegalArgumentException("oidc: issuer and client id are required");
    }
    rolesClaim = rolesClaim == null || rolesClaim.isBlank() ? "groups" : rolesClaim;
    roleMapping = roleMapping == null ? Map.of() : Map.copyOf(roleMapping);
    label = label == null || label.isBlank() ? "Connexion avec votre compte de la collectivité" : label;
  }
}
