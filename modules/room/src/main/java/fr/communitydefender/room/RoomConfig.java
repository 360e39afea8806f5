package fr.communitydefender.room;

import fr.communitydefender.room.chains.ApprovalChains;
import java.time.Duration;
import java.util.Objects;

/**
 * What the room stage needs: the approval chains, the installation key approval requests are signed with for the
 * pager's outbox, the console's public address (links in those requests) and how often scheduled publications are
 * looked for.
 */
public record RoomConfig(ApprovalChains chains, byte[] outboxKey, String consoleUrl, Duration tick) {
  public RoomConfig {
    Objects.requireNonNull(chains, "chains");
    Objects.requireNonNull(outboxKey, "outboxKey");
    consoleUrl = consoleUrl == null ? "http://localhost:8080" : consoleUrl.replaceAll("/+$", "");
    tick = tick == null ? Duration.ofSeconds(1) : tick;
  }
}
