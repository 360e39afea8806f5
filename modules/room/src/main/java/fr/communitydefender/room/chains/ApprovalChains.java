package fr.communitydefender.room.chains;

import com.fasterxml.jackson.annotation.JsonProperty;
import fr.communitydefender.domain.config.ConfigException;
import fr.communitydefender.domain.config.FieldException;
import fr.communitydefender.domain.config.YamlConfigLoader;
import fr.communitydefender.domain.incident.Severity;
import fr.communitydefender.domain.room.ResponseChannel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who approves what the city says ({@code approval-chains.yaml}): {@code groups} of console user names,
 * {@code people} (how each approver is notified: e-mail, phone), {@code chains} chosen by severity and channel (the
 * first that matches; empty lists match all), each an ordered list of steps where {@code any_of} a group or
 * {@code all_of} it approves, with an {@code expires} delay; {@code delegations} let a group approve a step up to a
 * severity (e.g. the night on-call approver for the dircom step up to medium).
 */
public record ApprovalChains(Map<String, List<String>> groups, List<Person> people, List<Chain> chains,
    List<Delegation> delegations) {

  public record Person(String username, String name, String email, String phone) {
    public Person {
      FieldException.required(username, "username");
    }
  }

  public record Chain(String id, List<Severity> severities, List<ResponseChannel> channels, Duration expires,
      List<Step> steps) {
    public Chain {
      FieldException.required(id, "id");
      severities = severities == null ? List.of() : List.copyOf(severities);
      channels = channels == null ? List.of() : List.copyOf(channels);
      expires = expires == null ? Duration.ofHours(24) : expires;
      if (expires.isNegative() || expires.isZero() || expires.compareTo(Duration.ofDays(30)) > 0) {
        throw new FieldException("expires", "between 1 second and 30 days");
      }
      steps = List.copyOf(FieldException.required(steps, "steps"));
      if (steps.isEmpty()) {
        throw new FieldException("steps", "at least one step");
      }
    }

    public boolean matches(Severity severity, ResponseChannel channel) {
      return (severities.isEmpty() || severities.contains(severity))
          && (channels.isEmpty() || channels.contains(channel));
    }
  }

  /** One step: exactly one of {@code any_of} (one member approves) or {@code all_of} (every member but the author). */
  public record Step(String name, @JsonProperty("any_of") String anyOf, @JsonProperty("all_of") String allOf) {
    public Step {
      FieldException.required(name, "name");
      if ((anyOf == null) == (allOf == null)) {
        throw new FieldException("any_of", "exactly one of any_of and all_of");
      }
    }

    public String group() {
      return anyOf != null ? anyOf : allOf;
    }

    public boolean all() {
      return allOf != null;
    }
  }

  /** Members of {@code group} may approve step {@code step} of any chain when the severity is at most {@code up_to}. */
  public record Delegation(String group, String step, @JsonProperty("up_to") Severity upTo) {
    public Delegation {
      FieldException.required(group, "group");
      FieldException.required(step, "step");
      FieldException.required(upTo, "up_to");
    }
  }

  public ApprovalChains {
    groups = Map.copyOf(FieldException.required(groups, "groups"));
    people = people == null ? List.of() : List.copyOf(people);
    chains = List.copyOf(FieldException.required(chains, "chains"));
    delegations = delegations == null ? List.of() : List.copyOf(delegations);
  }

  public static ApprovalChains load(Path file) {
    return checked(file, YamlConfigLoader.load(file, ApprovalChains.class));
  }

  /** The demo's chains (the file at the repository's root, shipped in the jar). */
  public static ApprovalChains demo() {
    try (InputStream in = ApprovalChains.class.getResourceAsStream("/approval-chains.yaml")) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      ApprovalChains c = YamlConfigLoader.parse("approval-chains.yaml", text, ApprovalChains.class);
      return checked(Path.of("approval-chains.yaml"), c);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ApprovalChains checked(Path file, ApprovalChains c) {
    if (c.chains().isEmpty()) {
      throw new ConfigException(file.toString(), 0, 0, "chains", "at least one chain is required");
    }
    Set<String> ids = new HashSet<>();
    Set<String> steps = new HashSet<>();
    for (int i = 0; i < c.chains().size(); i++) {
      Chain chain = c.chains().get(i);
      if (!ids.add(chain.id())) {
        throw YamlConfigLoader.errorAt(file, "chains[" + i + "].id", "duplicate chain id '" + chain.id() + "'");
      }
      Set<String> names = new HashSet<>();
      for (int j = 0; j < chain.steps().size(); j++) {
        Step s = chain.steps().get(j);
        String where = "chains[" + i + "].steps[" + j + "]";
        if (!c.groups().containsKey(s.group())) {
          throw YamlConfigLoader.errorAt(file, where + (s.all() ? ".all_of" : ".any_of"),
              "unknown group '" + s.group() + "' (groups: " + String.join(", ", c.groups().keySet()) + ")");
        }
        if (!names.add(s.name())) {
          throw YamlConfigLoader.errorAt(file, where + ".name", "duplicate step '" + s.name() + "' in this chain");
        }
        steps.add(s.name());
      }
    }
    for (Map.Entry<String, List<String>> g : c.groups().entrySet()) {
      if (g.getValue() == null || g.getValue().isEmpty()) {
        throw YamlConfigLoader.errorAt(file, "groups." + g.getKey(), "a group needs at least one user name");
      }
    }
    for (int i = 0; i < c.delegations().size(); i++) {
      Delegation d = c.delegations().get(i);
      if (!c.groups().containsKey(d.group())) {
        throw YamlConfigLoader.errorAt(file, "delegations[" + i + "].group", "unknown group '" + d.group() + "'");
      }
      if (!steps.contains(d.step())) {
        throw YamlConfigLoader.errorAt(file, "delegations[" + i + "].step", "no chain has a step '" + d.step() + "'");
      }
    }
    return c;
  }

  /** The chain for a severity and channel: the first that matches. */
  public Optional<Chain> choose(Severity severity, ResponseChannel channel) {
    return chains.stream().filter(c -> c.matches(severity, channel)).findFirst();
  }

  public Optional<Chain> chain(String id) {
    return chains.stream().filter(c -> c.id().equals(id)).findFirst();
  }

  public List<String> members(String group) {
    return groups.getOrDefault(group, List.of());
  }

  /** How {@code username} may approve {@code step} at {@code severity}: as a member, by delegation, or not at all. */
  public Eligibility eligibility(String username, Step step, Severity severity) {
    if (members(step.group()).contains(username)) {
      return Eligibility.MEMBER;
    }
    for (Delegation d : delegations) {
      if (d.step().equals(step.name()) && members(d.group()).contains(username)
          && severity.compareTo(d.upTo()) <= 0) {
        return Eligibility.DELEGATE;
      }
    }
    return Eligibility.NONE;
  }

  public enum Eligibility { MEMBER, DELEGATE, NONE }

  public Optional<Person> person(String username) {
    return people.stream().filter(p -> p.username().equals(username)).findFirst();
  }
}
