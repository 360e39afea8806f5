package fr.communitydefender.alerting.incident.internal;

import java.time.Instant;

/**
 * What a watch usually sees per minute, learned from its own history: a robust exponentially weighted level overall
 * and one per hour of the day and kind of day (weekday or weekend, Europe/Paris), so a busy market morning does not
 * look like a crisis and a quiet night does not hide one. Robust to past spikes: a minute counts at most {@code level + 3√level + 1} (winsorised), so one crisis
 * does not teach the baseline that crises are normal. Mutable; persisted with the watch's state.
 *
 * @param level per-minute level over all hours
 * @param hourly per-minute level of each hour of a weekday (0–23) and of a weekend day (24–47)
 * @param hourlyMinutes how many minutes each slot's level has learned from
 * @param learnedUpTo the first minute not learned yet
 */
public record Baseline(double[] level, double[] hourly, long[] hourlyMinutes, Instant learnedUpTo) {
  /** Smoothing per learned minute (~100 minutes of memory overall; ~2 days of the same hour). */
  static final double ALPHA = 0.02;
  /** An hour's own level is trusted once it has learned one whole hour (one day of history). */
  static final long HOURLY_TRUSTED = 60;
  /** The least expected rate: one mention every two hours. */
  static final double FLOOR_PER_MINUTE = 1.0 / 120;
  static final int SLOTS = 48;
  private static final java.time.ZoneId LOCAL = java.time.ZoneId.of("Europe/Paris");

  public Baseline {
    level = level == null || level.length != 1 ? new double[] {FLOOR_PER_MINUTE} : level;
    hourly = hourly == null || hourly.length != SLOTS ? filled(SLOTS, FLOOR_PER_MINUTE) : hourly;
    hourlyMinutes = hourlyMinutes == null || hourlyMinutes.length != SLOTS ? new long[SLOTS] : hourlyMinutes;
  }

  public static Baseline empty() {
    return new Baseline(null, null, null, null);
  }

  /** Learns one finished minute (its start, its count). */
  public void learn(Instant minute, long count) {
    int h = slot(minute);
    level[0] = update(level[0], count);
    hourly[h] = update(hourly[h], count);
    hourlyMinutes[h]++;
  }

  /** The expected mentions per minute at {@code at}: its slot's level once trusted, else the overall level. */
  public double perMinute(Instant at) {
    int h = slot(at);
    double r = hourlyMinutes[h] >= HOURLY_TRUSTED ? hourly[h] : level[0];
    return Math.max(FLOOR_PER_MINUTE, r);
  }

  /** Minutes learned so far (over all hours). */
  public long minutesLearned() {
    long n = 0;
    for (long m : hourlyMinutes) {
      n += m;
    }
    return n;
  }

  public Baseline learnedUpTo(Instant minute) {
    return new Baseline(level, hourly, hourlyMinutes, minute);
  }

  /** The hour of the day in Paris, plus 24 on Saturdays and Sundays. */
  static int slot(Instant at) {
    java.time.ZonedDateTime t = at.atZone(LOCAL);
    boolean weekend = t.getDayOfWeek() == java.time.DayOfWeek.SATURDAY || t.getDayOfWeek() == java.time.DayOfWeek.SUNDAY;
    return t.getHour() + (weekend ? 24 : 0);
  }

  private static double update(double current, long count) {
    double capped = Math.min(count, current + 3 * Math.sqrt(current) + 1);
    return Math.max(FLOOR_PER_MINUTE, current + ALPHA * (capped - current));
  }

  private static double[] filled(int n, double v) {
    double[] a = new double[n];
    java.util.Arrays.fill(a, v);
    return a;
  }
}
