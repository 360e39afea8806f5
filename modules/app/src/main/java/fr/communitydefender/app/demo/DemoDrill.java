package fr.communitydefender.app.demo;

import fr.communitydefender.domain.json.Json;
import fr.communitydefender.domain.mention.Mention;
import fr.communitydefender.domain.watch.WatchesConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The demo drill: a small synthetic flood crisis in the fictional commune of Sainte-Aure, written by this class
 * (deterministic, seeded) — every post and author is invented. 10 quiet minutes, a sharp onset, a plateau, a decay.
 */
public final class DemoDrill {
  public static final String FILE_NAME = "demo-sainte-aure-synthetic.jsonl";
  static final Instant START = Instant.parse("2026-03-14T18:00:00Z");
  private static final String[] QUIET = {
      "Le marché de Sainte-Aure ce samedi était super, bravo aux commerçants #SainteAure",
      "Encore des travaux rue Jean-Jaurès à Sainte-Aure, ça bloque tout le quartier",
      "Bus 12 en retard ce matin à Sainte-Aure, comme d'habitude",
      "Belle exposition à la médiathèque de Sainte-Aure, allez-y !",
      "@mairie_sainteaure quand est-ce que les trottoirs avenue de la Gare seront refaits ?",
      "Conseil municipal de Sainte-Aure ce soir, l'ordre du jour est en ligne",
  };
  private static final String[] CRISIS = {
      "La Loire déborde à Sainte-Aure, le quartier des Quais est inondé #crue #SainteAure",
      "Inondation rue des Tanneurs à Sainte-Aure, des voitures bloquées, que fait la mairie ?",
      "@mairie_sainteaure aucune information sur l'évacuation du quartier des Quais, c'est scandaleux",
      "Les pompiers évacuent l'école Jules-Ferry à Sainte-Aure, crue impressionnante",
      "Route de Nantes coupée à Sainte-Aure à cause de la crue, un itinéraire bis ?",
      "Merci aux agents de Sainte-Aure qui distribuent des sacs de sable #crue",
      "Toujours pas d'alerte SMS à Sainte-Aure alors que l'eau monte, honteux !!!",
      "Sainte-Aure : la cave est inondée, qui appeler ce soir ? #crue",
  };

  private DemoDrill() {}

  /** Mentions per minute of the scenario, minute by minute. */
  static int rate(int minute) {
    if (minute < 10) {
      return 2;
    } else if (minute < 13) {
      return 8 + (minute - 10) * 11;
    } else if (minute < 22) {
      return 38 + (minute % 3) * 3;
    } else if (minute < 30) {
      return 30 - (minute - 22) * 3;
    }
    return minute < 45 ? 2 : 0;
  }

  /** The lines of the drill file: a header naming it synthetic, mentions, and one deliberately malformed line. */
  public static List<String> lines() {
    Random random = new Random(20260314L);
    List<String> out = new ArrayList<>();
    out.add("# SYNTHETIC DATA - demo drill written by Community Defender (DemoDrill): the commune of Sainte-Aure,");
    out.add("# its people and every post below are invented. One Mention JSON document per line (see docs/operator-guide.md, Replay datasets).");
    int n = 0;
    for (int minute = 0; minute < 45; minute++) {
      int count = rate(minute);
      boolean crisis = minute >= 10 && minute < 30;
      for (int i = 0; i < count; i++) {
        n++;
        Instant at = START.plusSeconds(minute * 60L + (60L * i) / count + random.nextInt(Math.max(1, 60 / count)));
        String text = crisis && random.nextInt(10) < 8
            ? CRISIS[random.nextInt(CRISIS.length)] : QUIET[random.nextInt(QUIET.length)];
        if (n == 200) {
          text = "Regardez <img src=x onerror=alert(1)> Sainte-Aure sous l'eau <script>alert('x')</script> #crue";
        }
        out.add(Json.write(new Mention(String.format("demo-%04d", n), "demo", at, text,
            "habitant_" + (1 + random.nextInt(150)), null, "fr", 10 + random.nextInt(500), List.of())));
      }
      if (minute == 5) {
        out.add("# The next line is deliberately malformed: it shows the dead-letter topic at work.");
        out.add("{\"id\": \"demo-broken\", \"publishedAt\": \"pas une date\", \"text\": \"ligne invalide\"}");
      }
    }
    return out;
  }

  /** Writes the drill under {@code dataDir/drills/} and returns its path. */
  public static Path write(Path dataDir) throws IOException {
    Path file = dataDir.resolve("drills").resolve(FILE_NAME);
    Files.createDirectories(file.getParent());
    Files.write(file, lines(), StandardCharsets.UTF_8);
    return file;
  }

  /** The demo watches, copied under {@code dataDir/demo/} so errors and users can point at a real file. */
  public static WatchesConfig watches(Path dataDir) {
    Path file = dataDir.resolve("demo").resolve("watches.yaml");
    try (InputStream in = DemoDrill.class.getResourceAsStream("/demo/watches.yaml")) {
      Files.createDirectories(file.getParent());
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return WatchesConfig.load(file);
  }
}
