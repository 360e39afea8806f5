package fr.communitydefender.app.start;

import fr.communitydefender.room.chains.ApprovalChains;
import fr.communitydefender.room.publish.PublishingConfig;

/**
 * Incident room settings of a run: the approval chains (null: the demo's, {@code approval-chains.yaml} at the
 * repository's root) and the commune's accounts to publish on (null: in local mode, a Mastodon stand-in on
 * {@code mastodonStandInPort}, 0 = any free port; with an external cluster, responses are only "published
 * elsewhere").
 */
public record RoomOptions(ApprovalChains chains, PublishingConfig publishing, int mastodonStandInPort) {
  public RoomOptions {
    chains = chains == null ? ApprovalChains.demo() : chains;
  }

  public static RoomOptions defaults() {
    return new RoomOptions(null, null, 0);
  }
}
