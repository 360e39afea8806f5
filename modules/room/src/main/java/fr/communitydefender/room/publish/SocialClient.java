package fr.communitydefender.room.publish;

import fr.communitydefender.domain.room.Publication;
import java.io.IOException;

/** Posts a publication to one network; calling it again with the same publication never posts twice. */
public interface SocialClient {
  /** Where it was posted: the post's id and public URL. */
  record Posted(String id, String url) {}

  /** Thrown for a refusal that a retry will not fix (a 4xx other than 408 and 429). */
  final class Refused extends IOException {
    public Refused(String message) {
      super(message);
    }
  }

  Posted post(Publication p) throws IOException, InterruptedException;
}
