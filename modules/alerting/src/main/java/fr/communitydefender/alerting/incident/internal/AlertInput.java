package fr.communitydefender.alerting.incident.internal;

import fr.communitydefender.domain.incident.IncidentCommand;
import fr.communitydefender.domain.signal.VolumeSignal;

/** What reaches the incident tracker: a signal or a person's command (exactly one is set). Never serialised. */
public record AlertInput(VolumeSignal signal, IncidentCommand command) {
  public static AlertInput of(VolumeSignal signal) {
    return new AlertInput(signal, null);
  }

  public static AlertInput of(IncidentCommand command) {
    return new AlertInput(null, command);
  }
}
