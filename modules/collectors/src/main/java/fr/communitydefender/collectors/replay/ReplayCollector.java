package fr.communitydefender.collectors.replay;

import fr.communitydefender.collectors.CollectorMetrics;
import fr.communitydefender.domain.mention.DeadLetter;
import fr.communitydefender.domain.mention.Mention;
import fr.communitydefender.domain.topic.Topics;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replays a recorded dataset into the raw-mentions topic, keyed by mention id. All the records of one replay go to one
 * partition (chosen from the file name): a replay runs far faster than real time, and spread over partitions its
 * event times would reach the per-watch windows out of order by hours or days (tasks progress independently), past
 * any grace period. Malformed lines go to the dead-letter topic with their line number and reason; the replay goes
 * on.
 */
public final class ReplayCollector {
  private static final Logger LOG = LoggerFactory.getLogger(ReplayCollector.class);
  private static final String SOURCE = "replay";

  private final Producer<String, Mention> mentions;
  private final Producer<String, DeadLetter> deadLetters;
  private final CollectorMetrics metrics;
  private final PrintStream progressOut;

  public ReplayCollector(Producer<String, Mention> mentions, Producer<String, DeadLetter> deadLetters,
      CollectorMetrics metrics, PrintStream progressOut) {
    this.mentions = mentions;
    this.deadLetters = deadLetters;
    this.metrics = metrics;
    this.progressOut = progressOut;
  }

  /** The outcome of one replay. */
  public record Result(long published, long deadLettered, Duration took) {
    public double perSecond() {
      double s = took.toNanos() / 1e9;
      return s <= 0 ? published : published / s;
    }
  }

  public Result replay(ReplayOptions options) throws IOException, InterruptedException {
    return replay(options, Pacer.realTime(options.speed()), Instant.now());
  }

  public Result replay(ReplayOptions options, Pacer pacer, Instant now) throws IOException, InterruptedException {
    long t0 = System.nanoTime();
    List<ReplayRecord> records = options.format().read(options.file());
    String origin = options.file().getFileName().toString();
    Duration shift = options.rebase() ? rebaseShift(records, now) : Duration.ZERO;
    String runSuffix = options.rebase() ? "@" + now.getEpochSecond() : "";
    Progress progress = new Progress(origin, records.size(), options.progress() && System.console() != null ? progressOut : null);
    List<Future<RecordMetadata>> pending = new ArrayList<>();
    int partition = Math.floorMod(origin.hashCode(), mentions.partitionsFor(Topics.MENTIONS_RAW.name()).size());
    long published = 0;
    long dead = 0;
    for (ReplayRecord r : records) {
      if (r instanceof ReplayRecord.Parsed p) {
        Mention m = prepare(p.mention(), shift, runSuffix, options.assignWatches());
        pacer.awaitDue(m.publishedAt());
        pending.add(mentions.send(new ProducerRecord<>(Topics.MENTIONS_RAW.name(), partition,
            m.publishedAt().toEpochMilli(), m.id(), m)));
        metrics.mentionIn(SOURCE);
        published++;
      } else if (r instanceof ReplayRecord.Malformed bad) {
        DeadLetter letter = new DeadLetter(origin, bad.line(), bad.reason(), bad.payload(), Instant.now());
        pending.add(deadLetters.send(new ProducerRecord<>(Topics.DEAD_LETTER.name(), origin, letter)));
        metrics.deadLettered(SOURCE);
        LOG.atWarn().addKeyValue("file", origin).addKeyValue("line", bad.line()).addKeyValue("reason", bad.reason())
            .log("malformed line dead-lettered");
        dead++;
      }
      progress.tick();
      if (pending.size() >= 10_000) {
        awaitAll(pending);
      }
    }
    mentions.flush();
    deadLetters.flush();
    awaitAll(pending);
    progress.done();
    Result result = new Result(published, dead, Duration.ofNanos(System.nanoTime() - t0));
    LOG.atInfo().addKeyValue("file", origin).addKeyValue("published", published).addKeyValue("deadLettered", dead)
        .addKeyValue("ms", result.took().toMillis()).log("replay finished");
    return result;
  }

  /**
   * The shift that puts the dataset's last event at {@code now}: a rebased drill happened just now, never in the
   * future (future timestamps would push the watches' event-time clocks ahead of real mentions).
   */
  static Duration rebaseShift(List<ReplayRecord> records, Instant now) {
    return records.stream()
        .filter(r -> r instanceof ReplayRecord.Parsed)
        .map(r -> ((ReplayRecord.Parsed) r).mention().publishedAt())
        .max(Instant::compareTo)
        .map(last -> Duration.between(last, now))
        .orElse(Duration.ZERO);
  }

  /** A rebased run is a new drill: its mentions get ids of their own ({@code id@run}), so runs never overwrite. */
  private static Mention prepare(Mention m, Duration shift, String runSuffix, List<String> assign) {
    Mention out = shift.isZero() && runSuffix.isEmpty() ? m
        : new Mention(m.id() + runSuffix, m.source(), m.publishedAt().plus(shift), m.text(), m.author(), m.url(),
            m.lang(), m.reach(), m.watches());
    if (!assign.isEmpty()) {
      Set<String> watches = new LinkedHashSet<>(m.watches());
      watches.addAll(assign);
      out = out.withWatches(List.copyOf(watches));
    }
    return out;
  }

  private static void awaitAll(List<Future<RecordMetadata>> pending) throws InterruptedException {
    for (Future<RecordMetadata> f : pending) {
      try {
        f.get();
      } catch (ExecutionException e) {
        throw new IllegalStateException("replay could not publish: " + e.getCause().getMessage(), e.getCause());
      }
    }
    pending.clear();
  }
}
