package fr.communitydefender.paging.oncall;

import com.fasterxml.jackson.annotation.JsonProperty;
import fr.communitydefender.domain.config.FieldException;
import fr.communitydefender.domain.incident.Severity;

/**
 * Which policy pages for an incident: the first route whose {@code watch} (absent: any) and {@code min_severity}
 * (absent: any) match.
 */
public record Route(String watch, @JsonProperty("min_severity") Severity minSeverity, String policy) {
  public Route {
    FieldException.required(policy, "policy");
  }

  public boolean matches(String watchId, Severity severity) {
    return (watch == null || watch.equals(watchId))
        && (minSeverity == null || (severity != null && severity.compareTo(minSeverity) >= 0));
  }
}
