package fr.communitydefender.domain.room;

import fr.communitydefender.domain.crypto.Hmac;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * The link to a draft sent to approvers (e-mail, SMS) carries a signature made with the installation's key: the room
 * page tells the approver that the link really comes from Community Defender (an imitation sent to phish the approver
 * is shown as such). It grants nothing: opening the draft still needs a session.
 */
public final class ApprovalLink {
  private ApprovalLink() {}

  public static String signature(byte[] key, String incidentId, String draftId) {
    byte[] mac = Hmac.sha256(key, ("approval-link:" + incidentId + "/" + draftId).getBytes(StandardCharsets.UTF_8));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(mac).substring(0, 22);
  }

  public static boolean valid(byte[] key, String incidentId, String draftId, String signature) {
    if (signature == null || incidentId == null || draftId == null) {
      return false;
    }
    return MessageDigest.isEqual(signature(key, incidentId, draftId).getBytes(StandardCharsets.US_ASCII),
        signature.getBytes(StandardCharsets.US_ASCII));
  }

  /** The path of the room page for this draft, with its signature. */
  public static String path(byte[] key, String incidentId, String draftId) {
    return "/room.html?incident=" + java.net.URLEncoder.encode(incidentId, StandardCharsets.UTF_8) + "&draft="
        + draftId + "&sig=" + signature(key, incidentId, draftId);
  }
}
