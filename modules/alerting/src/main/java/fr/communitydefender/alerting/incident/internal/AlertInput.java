package fr.communitydefender.alerting.incident.internal;

import fr.communitydefender.domain.incident.IncidentCommand;
import fr.communitydefender.domain.signal.TermSignal;
import fr.communitydefender.domain.signal.VolumeSignal;

/** What reaches the incident tracker: a signal, a term signal or a person's command (one is set). Never serialised. */
public record AlertInput(VolumeSignal signal, IncidentCommand command, TermSignal term) {
  public static AlertInput of(VolumeSignal signal) {
    return new AlertInput(signal, null, null);
  }

  public static AlertInput of(IncidentCommand command) {
    return new AlertInput(null, command, null);
  }

  public static AlertInput of(TermSignal term) {
    return new AlertInput(null, null, term);
  }
}
