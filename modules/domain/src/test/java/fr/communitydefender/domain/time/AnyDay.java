package fr.communitydefender.domain.time;

import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The instants at which every date-sensitive test runs its clock (a {@code @MethodSource} for parameterised tests):
 * an odd and an even week of the demo rotation, both sides of a Monday hand-over, the nights of both daylight-saving
 * changes in Europe/Paris, New Year's Eve a minute before midnight in Paris, and a leap day. A test that passes at all
 * of them does not depend on the day it runs.
 */
public final class AnyDay {
  private AnyDay() {}

  /** {@code (label, instant)} pairs. */
  public static Stream<Arguments> instants() {
    return Stream.of(
        Arguments.of("odd week of the demo rotation (Wed 2 Dec 2026, 12:00 Paris)", Instant.parse("2026-12-02T11:00:00Z")),
        Arguments.of("even week of the demo rotation (Wed 9 Dec 2026, 12:00 Paris)", Instant.parse("2026-12-09T11:00:00Z")),
        Arguments.of("a second before the Monday hand-over (7 Dec 2026, 08:59:59 Paris)", Instant.parse("2026-12-07T07:59:59Z")),
        Arguments.of("the Monday hand-over (7 Dec 2026, 09:00 Paris)", Instant.parse("2026-12-07T08:00:00Z")),
        Arguments.of("spring change, before (29 Mar 2026, 01:30 CET)", Instant.parse("2026-03-29T00:30:00Z")),
        Arguments.of("spring change, after (29 Mar 2026, 03:30 CEST)", Instant.parse("2026-03-29T01:30:00Z")),
        Arguments.of("autumn change, first 02:30 (25 Oct 2026, CEST)", Instant.parse("2026-10-25T00:30:00Z")),
        Arguments.of("autumn change, second 02:30 (25 Oct 2026, CET)", Instant.parse("2026-10-25T01:30:00Z")),
        Arguments.of("New Year's Eve, 23:59 Paris (31 Dec 2026)", Instant.parse("2026-12-31T22:59:00Z")),
        Arguments.of("leap day (29 Feb 2028, 13:00 Paris)", Instant.parse("2028-02-29T12:00:00Z")));
  }
}
