package fr.communitydefender.app.start;

import fr.communitydefender.domain.config.ConfigException;
import fr.communitydefender.paging.oncall.OnCallConfig;
import fr.communitydefender.paging.oncall.Person;
import fr.communitydefender.paging.oncall.Schedule;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code oncall}: who is on call now (or at {@code --at}) and who is next, per schedule. */
@Command(name = "oncall", mixinStandardHelpOptions = true,
    description = "Prints, for each schedule of the on-call file, who is on call now (or at --at) and who is next.")
public final class OnCallCommand implements Callable<Integer> {
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("EEE dd/MM HH:mm", java.util.Locale.FRENCH);

  @Option(names = "--oncall", required = true, paramLabel = "FILE", description = "On-call YAML.")
  Path oncall;

  @Option(names = "--at", paramLabel = "INSTANT", description = "An ISO-8601 instant (default: now).")
  Instant at;

  @Override
  public Integer call() {
    OnCallConfig config;
    try {
      config = OnCallConfig.load(oncall);
    } catch (ConfigException e) {
      System.err.println(e.getMessage());
      return 1;
    }
    Instant when = at == null ? Instant.now() : at;
    for (Schedule s : config.schedules()) {
      Schedule.Shift now = s.at(when);
      Schedule.Shift next = s.next(when);
      System.out.printf("%s: %s until %s; next %s until %s%n", s.id(), name(config, now.person()),
          LOCAL.format(now.to().atZone(s.timeZone())), name(config, next.person()),
          LOCAL.format(next.to().atZone(s.timeZone())));
    }
    return 0;
  }

  private static String name(OnCallConfig config, String id) {
    return config.person(id).map(Person::name).orElse(id) + " (" + id + ")";
  }

}
