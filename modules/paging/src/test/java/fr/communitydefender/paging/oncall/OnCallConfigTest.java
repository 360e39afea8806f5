package fr.communitydefender.paging.oncall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.communitydefender.domain.config.ConfigException;
import fr.communitydefender.domain.incident.Severity;
import fr.communitydefender.domain.paging.Notification;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnCallConfigTest {
  @TempDir
  Path dir;

  @Test
  void shouldLoadPeopleSchedulesPoliciesRoutesAndChannels() throws Exception {
    OnCallConfig c = TestOnCall.load(dir);
    assertThat(c.people()).hasSize(4);
    assertThat(c.person("dircom").orElseThrow().reachable())
        .containsExactly(Notification.Channel.EMAIL, Notification.Channel.SMS);
    assertThat(c.person("dgs").orElseThrow().reachable()).as("no phone").containsExactly(Notification.Channel.EMAIL);
    assertThat(c.policyFor("crue", Severity.CRITICAL).orElseThrow().id()).isEqualTo("urgent");
    assertThat(c.policyFor("crue", Severity.HIGH).orElseThrow().id()).isEqualTo("standard");
    assertThat(c.resolve(c.policies().get(1).levels().get(0), Instant.parse("2026-11-10T12:00:00Z")))
        .extracting(Person::id).containsExactly("yanis", "dircom", "dgs");
    assertThat(c.channels().sms().twilio().authToken().value()).isEqualTo("tw-s3cret");
    assertThat(c.quietHours().holds(Severity.MEDIUM, Instant.parse("2026-11-10T22:30:00Z"))).isTrue();
    assertThat(c.quietHours().holds(Severity.HIGH, Instant.parse("2026-11-10T22:30:00Z"))).isFalse();
    assertThat(c.quietHours().holds(Severity.MEDIUM, Instant.parse("2026-11-10T12:00:00Z"))).isFalse();
  }

  @Test
  void shouldNameFileLineAndFieldOfAnUnknownReference() throws Exception {
    Path f = TestOnCall.write(dir, s -> s.replace("\"person:dircom\"", "\"person:maire\""));
    assertThatThrownBy(() -> OnCallConfig.load(f)).isInstanceOf(ConfigException.class)
        .hasMessageContaining(f + ":22:20:")
        .hasMessageContaining("policies[0].levels[1].targets[0]: unknown person 'maire'");
    Path g = TestOnCall.write(dir, s -> s.replace("{policy: standard}", "{policy: standart}"));
    assertThatThrownBy(() -> OnCallConfig.load(g)).hasMessageContaining("routes[1].policy: unknown policy 'standart'");
  }

  @Test
  void shouldRejectBadPhonesUnknownKeysAndBadTimes() throws Exception {
    Path phone = TestOnCall.write(dir, s -> s.replace("+33611111111", "06 11 11 11 11"));
    assertThatThrownBy(() -> OnCallConfig.load(phone)).hasMessageContaining(
        "people[0].phone: '06 11 11 11 11' is not an international number (E.164, e.g. +33612345678)");
    Path key = TestOnCall.write(dir, s -> s.replace("repeat: 0", "repeats: 0"));
    assertThatThrownBy(() -> OnCallConfig.load(key)).hasMessageContaining("policies[0].repeats: unknown key");
    Path time = TestOnCall.write(dir, s -> s.replace("from: \"22:00\"", "from: \"22h\""));
    assertThatThrownBy(() -> OnCallConfig.load(time)).hasMessageContaining("quiet_hours.from");
  }
}
