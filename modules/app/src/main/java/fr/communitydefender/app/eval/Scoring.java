package fr.communitydefender.app.eval;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scores incidents against reference onsets (real spikes). The data's <em>first rise</em> after an onset {@code o} is
 * the first minute from o − 5 min at which the next 10 minutes hold at least 3 mentions; the spike's <em>horizon</em>
 * ends 6 h after the later of the onset and that rise, if within 24 h (a collection that only began hours after the
 * event — the Venezuela folder starts 13 h late — shows the spike when its data do). A spike is <em>detected</em>
 * when an incident opens in [o − 5 min, horizon) (and before the next spike's own slack); its <em>delay</em> is that
 * incident's time minus {@code o} (and is also given from the first rise). An incident is <em>false</em> when it
 * opens — or reopens, which notifies again — at or after the horizon of the last onset before it (the issue's
 * definition: on a decaying tail, with no new spike), or in a folder with no reference onset at all; one that opens
 * before the event's first onset is counted apart as <em>early</em> (a warning ahead of the event, or noise: the
 * onsets file cannot tell). A reopening notifies, so
 * within a spike's window it counts like an opening (as its detection, or as an extra incident).
 */
final class Scoring {
  static final Duration SLACK = Duration.ofMinutes(5);
  static final Duration HORIZON = Duration.ofHours(6);
  static final Duration LATE_DATA = Duration.ofHours(24);
  static final Duration RISE_WINDOW = Duration.ofMinutes(10);
  static final int RISE_COUNT = 3;

  private int events;
  private int spikes;
  private int detected;
  private int falseIncidents;
  private int earlyIncidents;
  private int maxPerSpike;
  private final List<Long> delays = new ArrayList<>();
  private final List<Long> delaysFromRise = new ArrayList<>();
  private final List<Long> delaysFromRiseSudden = new ArrayList<>();
  private final Map<String, String> kinds = new TreeMap<>();

  /** One line of a two-column {@code event,…} file: where it is (file:line), the event, the value. */
  private record Row(String where, String event, String value) {}

  /** The rows of a two-column CSV with this header (blank and {@code #} lines skipped); errors name file and line. */
  private static List<Row> rows(Path file, String header) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    if (lines.isEmpty() || !lines.get(0).strip().equals(header)) {
      throw new IllegalArgumentException(file + ":1: expected the header " + header);
    }
    List<Row> rows = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split(",");
      if (parts.length != 2 || parts[0].isBlank()) {
        throw new IllegalArgumentException(file + ":" + (i + 1) + ": expected " + header);
      }
      rows.add(new Row(file + ":" + (i + 1), parts[0].strip(), parts[1].strip()));
    }
    return rows;
  }

  /** Reads {@code event,onset_utc} lines; errors name the file and line. */
  static Map<String, List<Instant>> readOnsets(Path file) throws IOException {
    Map<String, List<Instant>> out = new TreeMap<>();
    for (Row row : rows(file, "event,onset_utc")) {
      try {
        out.computeIfAbsent(row.event(), k -> new ArrayList<>()).add(Instant.parse(row.value()));
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(row.where() + ": onset_utc: '" + row.value()
            + "' is not an ISO-8601 UTC time such as 2013-04-18T00:50:00Z");
      }
    }
    out.values().forEach(Collections::sort);
    return out;
  }

  /**
   * Reads {@code event,kind} lines, kind {@code sudden} (an earthquake, an explosion: the data rise within minutes) or
   * {@code progressive} (floods, fires, a storm: a build-up over hours); errors name the file and line.
   */
  static Map<String, String> readKinds(Path file) throws IOException {
    Map<String, String> out = new TreeMap<>();
    for (Row row : rows(file, "event,kind")) {
      if (!row.value().equals("sudden") && !row.value().equals("progressive")) {
        throw new IllegalArgumentException(row.where() + ": kind: '" + row.value()
            + "' is neither sudden nor progressive");
      }
      out.put(row.event(), row.value());
    }
    return out;
  }

  /** The kind of each event ({@link #readKinds}): sudden-onset events get their own median delay. */
  Scoring withKinds(Map<String, String> eventKinds) {
    kinds.putAll(eventKinds);
    return this;
  }

  /** Scores one event and prints its lines. {@code times}: the mentions' times, sorted. */
  void add(String event, List<Instant> times, List<EvalDetection.Opened> opened, List<Instant> onsets,
      PrintStream out) {
    events++;
    out.printf(Locale.ROOT, "== %s: %d mentions, %d incident(s), %d reference onset(s)%n", event, times.size(),
        opened.size(), onsets.size());
    for (EvalDetection.Opened o : opened) {
      out.printf(Locale.ROOT, "   incident %s  %s%s  %s%s%n", o.at(), o.rule(), o.reopened() ? " (reopened)" : "",
          o.reason(), o.outcome());
    }
    List<Instant> horizons = new ArrayList<>();
    for (int i = 0; i < onsets.size(); i++) {
      Instant onset = onsets.get(i);
      Instant rise = firstRise(times, onset.minus(SLACK));
      Instant end = later(onset, rise).plus(HORIZON);
      horizons.add(end);
      if (i + 1 < onsets.size() && onsets.get(i + 1).minus(SLACK).isBefore(end)) {
        end = onsets.get(i + 1).minus(SLACK);
      }
      Instant from = onset.minus(SLACK);
      Instant until = end;
      List<EvalDetection.Opened> within = opened.stream()
          .filter(o -> !o.at().isBefore(from) && o.at().isBefore(until)).toList();
      spikes++;
      maxPerSpike = Math.max(maxPerSpike, within.size());
      if (within.isEmpty()) {
        out.printf(Locale.ROOT, "   onset %s: MISSED (data's first rise %s)%n", onset, rise == null ? "none" : rise);
        continue;
      }
      detected++;
      long delay = Duration.between(onset, within.get(0).at()).toSeconds();
      delays.add(delay);
      String fromRise = "";
      if (rise != null) {
        long d = Duration.between(rise, within.get(0).at()).toSeconds();
        delaysFromRise.add(d);
        if ("sudden".equals(kinds.get(event))) {
          delaysFromRiseSudden.add(d);
        }
        fromRise = ", " + d + " s after the data's first rise at " + rise;
      }
      out.printf(Locale.ROOT, "   onset %s: detected %d s after%s; %d incident(s) for this spike%n", onset, delay,
          fromRise, within.size());
    }
    for (EvalDetection.Opened o : opened) {
      Instant last = null;
      Instant horizon = null;
      for (int i = 0; i < onsets.size(); i++) {
        if (!onsets.get(i).minus(SLACK).isAfter(o.at())) {
          last = onsets.get(i);
          horizon = horizons.get(i);
        }
      }
      String kind = o.reopened() ? "reopening" : "incident";
      if (onsets.isEmpty()) {
        falseIncidents++; // no reference event in this folder: nothing to warn of
        out.printf(Locale.ROOT, "   FALSE %s %s (no reference onset for this event)%n", kind, o.at());
      } else if (last == null) {
        earlyIncidents++;
        out.printf(Locale.ROOT, "   EARLY %s %s (before the first onset: a warning ahead of the event, or noise)%n",
            kind, o.at());
      } else if (!o.at().isBefore(horizon)) {
        falseIncidents++;
        out.printf(Locale.ROOT, "   FALSE %s %s (%d h after the last onset)%n", kind, o.at(),
            Duration.between(last, o.at()).toHours());
      }
    }
  }

  /** The rise when it comes after the onset, within {@link #LATE_DATA}; else the onset. */
  private static Instant later(Instant onset, Instant rise) {
    return rise != null && rise.isAfter(onset) && rise.isBefore(onset.plus(LATE_DATA)) ? rise : onset;
  }

  /** The first minute from {@code from} at which the next 10 minutes hold at least 3 mentions, or null. */
  static Instant firstRise(List<Instant> times, Instant from) {
    int lo = 0;
    for (int hi = 0; hi < times.size(); hi++) {
      if (times.get(hi).isBefore(from)) {
        lo = hi + 1;
        continue;
      }
      while (times.get(lo).isBefore(times.get(hi).minus(RISE_WINDOW))) {
        lo++;
      }
      if (hi - lo + 1 >= RISE_COUNT) {
        return times.get(lo);
      }
    }
    return null;
  }

  /** What one event (or several) scored, for choosing a parameter on some events and scoring it on another. */
  record Result(int spikes, int detected, int falseIncidents, int maxPerSpike, List<Long> delaysFromRise) {
    /** Higher is better: spikes detected, minus false incidents, minus extra incidents for one spike. */
    int merit() {
      return detected - falseIncidents - Math.max(0, maxPerSpike - 1);
    }
  }

  Result result() {
    return new Result(spikes, detected, falseIncidents, maxPerSpike, List.copyOf(delaysFromRise));
  }

  String summary() {
    return String.format(Locale.ROOT, "events=%d detected=%d median_delay_s=%s false_incidents=%d folders=%d "
        + "median_delay_from_rise_s=%s max_incidents_per_spike=%d early_incidents=%d "
        + "median_delay_from_rise_sudden_s=%s", spikes, detected, median(delays), falseIncidents, events,
        median(delaysFromRise), maxPerSpike, earlyIncidents, median(delaysFromRiseSudden));
  }

  private static String median(List<Long> values) {
    if (values.isEmpty()) {
      return "NA";
    }
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? String.valueOf(sorted.get(n / 2)) : String.valueOf((sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2);
  }
}
