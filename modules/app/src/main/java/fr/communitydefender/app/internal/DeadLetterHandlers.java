package fr.communitydefender.app.internal;

import fr.communitydefender.domain.mention.DeadLetter;
import fr.communitydefender.domain.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * No single record may stop a stage: a record whose processing throws, or whose output Kafka refuses for good (too
 * large, for instance), goes to the dead-letter topic with the processor and the reason, and the stage goes on. A
 * state store's changelog that Kafka refuses still fails the task (going on would let the store and its changelog
 * diverge); the stage's health check then reports it.
 */
public final class DeadLetterHandlers {
  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterHandlers.class);
  /** Payloads kept in a dead letter, at most (the raw topic keeps the whole record for its retention). */
  static final int MAX_PAYLOAD = 64 * 1024;

  private DeadLetterHandlers() {}

  static ProducerRecord<byte[], byte[]> letter(ErrorHandlerContext ctx, byte[] payload, String reason) {
    String text = payload == null ? "" : new String(payload, 0, Math.min(payload.length, MAX_PAYLOAD),
        StandardCharsets.UTF_8);
    DeadLetter d = new DeadLetter(ctx.topic(), ctx.offset(), reason, text, Instant.now());
    return new ProducerRecord<>(Topics.DEAD_LETTER.name(), null,
        Topics.DEAD_LETTER.keySerde().serializer().serialize(Topics.DEAD_LETTER.name(), ctx.topic()),
        Topics.DEAD_LETTER.valueSerde().serializer().serialize(Topics.DEAD_LETTER.name(), d));
  }

  private static String reason(String where, Exception e) {
    String m = e.getMessage() == null ? "" : ": " + e.getMessage();
    return where + ": " + e.getClass().getSimpleName() + (m.length() > 500 ? m.substring(0, 500) : m);
  }

  /** A processor threw: dead-letter the input record and go on. */
  public static final class Processing implements ProcessingExceptionHandler {
    @Override
    public Response handleError(ErrorHandlerContext ctx, Record<?, ?> record, Exception e) {
      LOG.atWarn().addKeyValue("processor", ctx.processorNodeId()).addKeyValue("topic", ctx.topic())
          .addKeyValue("offset", ctx.offset()).addKeyValue("reason", e.toString())
          .log("record failed in a processor: dead-lettered, processing goes on");
      return Response.resume(List.of(letter(ctx, ctx.sourceRawValue(), reason("processor " + ctx.processorNodeId(),
          e))));
    }

    @Override
    public void configure(Map<String, ?> configs) {}
  }

  /** Kafka refused an output record for good: dead-letter it (not a changelog: those fail) and go on. */
  public static final class Production implements ProductionExceptionHandler {
    @Override
    public Response handleError(ErrorHandlerContext ctx, ProducerRecord<byte[], byte[]> record, Exception e) {
      if (record.topic().endsWith("-changelog")) {
        LOG.atError().addKeyValue("topic", record.topic()).addKeyValue("reason", e.toString())
            .log("a state store's changelog refused a record: the task stops");
        return Response.fail();
      }
      LOG.atWarn().addKeyValue("topic", record.topic()).addKeyValue("reason", e.toString())
          .log("output refused by Kafka: dead-lettered, processing goes on");
      return Response.resume(List.of(letter(ctx, record.value(), reason("output to " + record.topic(), e))));
    }

    @Override
    public void configure(Map<String, ?> configs) {}
  }
}
