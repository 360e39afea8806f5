package fr.communitydefender.console.access;

import fr.communitydefender.console.http.KafkaSender;
import fr.communitydefender.domain.access.AuditEntry;
import fr.communitydefender.domain.topic.Topics;
import io.vertx.core.Context;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes the console's audit entries (every write, with actor, roles and address) to the audit topic. */
public final class AuditLog {
  private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
  private final KafkaSender sender;
  private final Clock clock;

  public AuditLog(KafkaSender sender, Clock clock) {
    this.sender = java.util.Objects.requireNonNull(sender, "sender");
    this.clock = java.util.Objects.requireNonNull(clock, "clock");
  }

  public void record(Context context, String actor, List<String> roles, String address, String action,
      String target, String detail, int status) {
    AuditEntry e = new AuditEntry(UUID.randomUUID().toString(), clock.instant(), actor, roles, address, action,
        target, detail, status);
    sender.send(context, Topics.AUDIT, actor, e).onFailure(err -> LOG.atError().addKeyValue("action", action)
        .addKeyValue("actor", actor).addKeyValue("reason", err.toString()).log("audit entry not written"));
  }
}
