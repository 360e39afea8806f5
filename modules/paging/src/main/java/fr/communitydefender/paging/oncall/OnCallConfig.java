package fr.communitydefender.paging.oncall;

import com.fasterxml.jackson.annotation.JsonProperty;
import fr.communitydefender.domain.config.FieldException;
import fr.communitydefender.domain.config.YamlConfigLoader;
import fr.communitydefender.domain.incident.Severity;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The on-call file ({@code --oncall FILE}): people, groups, schedules, escalation policies, routes, quiet hours, the
 * channels, the console's public URL (for links in pages) and how long acknowledgement links stay valid. References
 * (a schedule's members, a level's targets, a route's policy) are checked at load time with file, line and field.
 */
public record OnCallConfig(
    List<Person> people,
    List<Group> groups,
    List<Schedule> schedules,
    List<Policy> policies,
    List<Route> routes,
    @JsonProperty("quiet_hours") QuietHours quietHours,
    Channels channels,
    @JsonProperty("console_url") String consoleUrl,
    @JsonProperty("ack_link_ttl") Duration ackLinkTtl) {

  public OnCallConfig {
    people = List.copyOf(FieldException.required(people, "people"));
    groups = groups == null ? List.of() : List.copyOf(groups);
    schedules = schedules == null ? List.of() : List.copyOf(schedules);
    policies = List.copyOf(FieldException.required(policies, "policies"));
    routes = routes == null || routes.isEmpty() ? List.of(new Route(null, null, policies.isEmpty() ? "-"
        : policies.get(0).id())) : List.copyOf(routes);
    channels = channels == null ? new Channels(null, null, null) : channels;
    consoleUrl = consoleUrl == null ? "http://127.0.0.1:8080" : consoleUrl.replaceAll("/$", "");
    ackLinkTtl = ackLinkTtl == null ? Duration.ofHours(12) : ackLinkTtl;
  }

  public static OnCallConfig load(Path file) {
    OnCallConfig c = YamlConfigLoader.load(file, OnCallConfig.class);
    c.check(file);
    return c;
  }

  private void check(Path file) {
    Map<String, Person> byId = unique(file, "people", people, Person::id);
    Map<String, Group> groupIds = unique(file, "groups", groups, Group::id);
    Map<String, Schedule> scheduleIds = unique(file, "schedules", schedules, Schedule::id);
    Map<String, Policy> policyIds = unique(file, "policies", policies, Policy::id);
    for (int i = 0; i < groups.size(); i++) {
      known(file, "groups[" + i + "].members", groups.get(i).members(), byId);
    }
    for (int i = 0; i < schedules.size(); i++) {
      known(file, "schedules[" + i + "].members", schedules.get(i).members(), byId);
      List<Schedule.Override> o = schedules.get(i).overrides();
      for (int j = 0; j < o.size(); j++) {
        known(file, "schedules[" + i + "].overrides[" + j + "].person", List.of(o.get(j).person()), byId);
      }
    }
    for (int i = 0; i < policies.size(); i++) {
      List<Policy.Level> levels = policies.get(i).levels();
      for (int j = 0; j < levels.size(); j++) {
        List<String> targets = levels.get(j).targets();
        for (int k = 0; k < targets.size(); k++) {
          String[] t = targets.get(k).split(":", 2);
          Map<String, ?> ids = switch (t[0]) {
            case "person" -> byId;
            case "group" -> groupIds;
            default -> scheduleIds;
          };
          if (!ids.containsKey(t[1])) {
            throw YamlConfigLoader.errorAt(file, "policies[" + i + "].levels[" + j + "].targets[" + k + "]",
                "unknown " + t[0] + " '" + t[1] + "'");
          }
        }
      }
    }
    for (int i = 0; i < routes.size(); i++) {
      if (!policyIds.containsKey(routes.get(i).policy())) {
        throw YamlConfigLoader.errorAt(file, "routes[" + i + "].policy", "unknown policy '" + routes.get(i).policy() + "'");
      }
    }
  }

  private static <T> Map<String, T> unique(Path file, String field, List<T> items, Function<T, String> id) {
    Map<String, T> out = new java.util.LinkedHashMap<>();
    for (int i = 0; i < items.size(); i++) {
      if (out.put(id.apply(items.get(i)), items.get(i)) != null) {
        throw YamlConfigLoader.errorAt(file, field + "[" + i + "].id", "duplicate id '" + id.apply(items.get(i)) + "'");
      }
    }
    return out;
  }

  private static void known(Path file, String field, List<String> ids, Map<String, Person> people) {
    for (int i = 0; i < ids.size(); i++) {
      if (!people.containsKey(ids.get(i))) {
        throw YamlConfigLoader.errorAt(file, field + (field.endsWith("person") ? "" : "[" + i + "]"),
            "unknown person '" + ids.get(i) + "'");
      }
    }
  }

  public Optional<Person> person(String id) {
    return people.stream().filter(p -> p.id().equals(id)).findFirst();
  }

  public Optional<Policy> policyFor(String watchId, Severity severity) {
    return routes.stream().filter(r -> r.matches(watchId, severity)).findFirst()
        .flatMap(r -> policies.stream().filter(p -> p.id().equals(r.policy())).findFirst());
  }

  /** The people a level pages at {@code at}: persons, whoever is on call on each schedule, groups' members. */
  public List<Person> resolve(Policy.Level level, Instant at) {
    LinkedHashSet<String> ids = new LinkedHashSet<>();
    for (String target : level.targets()) {
      String[] t = target.split(":", 2);
      switch (t[0]) {
        case "person" -> ids.add(t[1]);
        case "schedule" -> schedules.stream().filter(s -> s.id().equals(t[1])).findFirst()
            .ifPresent(s -> ids.add(s.at(at).person()));
        default -> groups.stream().filter(g -> g.id().equals(t[1])).findFirst().ifPresent(g -> ids.addAll(g.members()));
      }
    }
    List<Person> out = new ArrayList<>();
    ids.forEach(id -> person(id).ifPresent(out::add));
    return out;
  }

  public Optional<Schedule> schedule(String id) {
    return schedules.stream().filter(s -> s.id().equals(id)).findFirst();
  }

  static String describe(List<Person> people) {
    return people.stream().map(Person::name).collect(Collectors.joining(", "));
  }
}
