package fr.communitydefender.collectors.replay;

import java.io.PrintStream;

/** A one-line progress bar for replays, redrawn at most five times a second. */
final class Progress {
  private static final int WIDTH = 30;
  private final String label;
  private final long total;
  private final PrintStream out;
  private long done;
  private long lastDraw;

  Progress(String label, long total, PrintStream out) {
    this.label = label;
    this.total = Math.max(total, 1);
    this.out = out;
  }

  void tick() {
    done++;
    long now = System.nanoTime();
    if (out != null && now - lastDraw > 200_000_000L) {
      lastDraw = now;
      draw();
    }
  }

  void done() {
    if (out != null) {
      draw();
      out.println();
    }
  }

  static String bar(String label, long done, long total) {
    int filled = (int) (WIDTH * done / Math.max(total, 1));
    return "replay " + label + " [" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] "
        + (100 * done / Math.max(total, 1)) + "% " + done + "/" + total;
  }

  private void draw() {
    out.print("\r" + bar(label, done, total));
    out.flush();
  }
}
