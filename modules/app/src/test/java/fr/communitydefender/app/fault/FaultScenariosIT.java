package fr.communitydefender.app.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The fast parts of the fault scenarios (scripts/fault runs them at full size): the application in a child process
 * killed with SIGKILL once under a small load and restarted, its Elasticsearch node stopped for a few seconds, and
 * hostile inputs through the intake and the raw topic — nothing lost, nothing doubled, the application still up.
 */
class FaultScenariosIT {
  @TempDir
  Path dir;

  private Faults.Result run(String... args) {
    Faults faults = new Faults();
    int exit = new CommandLine(faults).execute(args);
    System.out.println(faults.result.line());
    assertThat(exit).as(faults.result.line()).isZero();
    return faults.result;
  }

  @Test
  void shouldLoseAndDoubleNothingWhenTheApplicationIsKilledAndRestarted() {
    Faults.Result r = run("kill9", "--mentions", "1500", "--rate", "250", "--rounds", "1", "--work-dir",
        dir.toString());
    assertThat(r.produced()).isEqualTo(1500);
    assertThat(r.stored()).isEqualTo(1500);
    assertThat(r.lost()).isZero();
    assertThat(r.duplicated()).isZero();
    assertThat(r.incidentsLost()).isZero();
    assertThat(r.pagesDoubled()).isZero();
  }

  @Test
  void shouldDrainTheBacklogAfterAnElasticsearchOutage() {
    Faults.Result r = run("es-outage", "--mentions", "1500", "--rate", "250", "--outage", "8", "--work-dir",
        dir.toString());
    assertThat(r.stored()).isEqualTo(r.produced()).isEqualTo(1500);
  }

  @Test
  void shouldStoreDeadLetterOrRefuseEveryHostileInputAndStayUp() {
    Faults.Result r = run("hostile", "--inputs", "240", "--work-dir", dir.toString());
    assertThat(r.lost()).isZero();
    assertThat(r.alive()).isTrue();
    assertThat(r.stored()).isPositive();
    assertThat(r.deadLettered()).isPositive();
  }
}
