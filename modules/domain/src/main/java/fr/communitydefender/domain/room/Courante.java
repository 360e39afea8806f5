package fr.communitydefender.domain.room;

import java.util.List;

/** Checks an incident's main courante: every entry's hash, the links between them, the numbering and the head. */
public final class Courante {
  private Courante() {}

  /**
   * The result: {@code intact}, or where it breaks ({@code brokenAt}: the first entry's number that fails, or the
   * number expected when entries are missing at the end) and why.
   */
  public record Verification(String incidentId, boolean intact, long entries, long brokenAt, String reason,
      String head) {}

  /**
   * Verifies {@code entries} (in the order stored); {@code expectedSeq} and {@code expectedHead}: the room's own
   * record of its last entry (null when unknown), which catches entries removed from the end.
   */
  public static Verification verify(String incidentId, List<CouranteEntry> entries, Long expectedSeq,
      String expectedHead) {
    String prev = CouranteEntry.GENESIS;
    long seq = 0;
    for (CouranteEntry e : entries) {
      seq++;
      if (e.seq() != seq) {
        return new Verification(incidentId, false, entries.size(), seq, e.seq() < seq
            ? "entry " + e.seq() + " appears again or out of order" : "entry " + seq + " is missing", prev);
      }
      if (!prev.equals(e.prev())) {
        return new Verification(incidentId, false, entries.size(), seq, "entry " + seq
            + " does not follow entry " + (seq - 1) + " (its previous hash differs)", prev);
      }
      if (!e.computeHash().equals(e.hash())) {
        return new Verification(incidentId, false, entries.size(), seq, "entry " + seq
            + " was changed after it was written (its hash does not match its content)", prev);
      }
      prev = e.hash();
    }
    if (expectedSeq != null && expectedSeq != seq) {
      return new Verification(incidentId, false, entries.size(), seq + 1, expectedSeq > seq
          ? "entries " + (seq + 1) + " to " + expectedSeq + " are missing" : "more entries than the room wrote", prev);
    }
    if (expectedHead != null && expectedSeq != null && seq > 0 && !expectedHead.equals(prev)) {
      return new Verification(incidentId, false, entries.size(), seq, "the last entry is not the one the room wrote",
          prev);
    }
    return new Verification(incidentId, true, entries.size(), 0, null, prev);
  }
}
