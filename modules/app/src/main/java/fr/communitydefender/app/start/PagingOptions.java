package fr.communitydefender.app.start;

import fr.communitydefender.paging.oncall.OnCallConfig;
import java.nio.file.Path;

/**
 * Paging settings of a run: the on-call file ({@code null}: in local mode, the demo on-call people and an in-process
 * mail catcher on {@code mailCatcherPort}, 0 = any free port; with an external cluster, nobody is paged), and the key
 * file signing acknowledgement links (shared by the page and console roles).
 */
public record PagingOptions(OnCallConfig oncall, Path ackKey, int mailCatcherPort) {
  public PagingOptions {
    if (ackKey == null) {
      throw new IllegalArgumentException("ackKey: required");
    }
  }

  public static PagingOptions defaults(Path dataDir) {
    return new PagingOptions(null, dataDir.resolve("secrets").resolve("ack.key"), 0);
  }
}
