package fr.communitydefender.collectors.x;

import com.fasterxml.jackson.annotation.JsonProperty;
import fr.communitydefender.domain.config.Secret;
import fr.communitydefender.collectors.live.SourceConfig;
import fr.communitydefender.domain.config.FieldException;
import java.util.List;

/**
 * X API v2: the filtered stream with {@code rules} kept in line with this file (rules of the app that are not here
 * are deleted, missing ones added), and the recent search to catch up after a disconnect ({@code since_id}).
 * {@code base_url} defaults to {@code https://api.x.com}; the bearer token is the app's.
 */
public record XConfig(
    String id,
    @JsonProperty("base_url") String baseUrl,
    @JsonProperty("bearer_token") Secret bearerToken,
    List<Rule> rules,
    @JsonProperty("catch_up_pages") Integer catchUpPages) implements SourceConfig {

  /** A filtered-stream rule (X's query syntax) and its tag. */
  public record Rule(String value, String tag) {
    public Rule {
      FieldException.required(value, "value");
      if (value.isBlank() || value.length() > 1024) {
        throw new FieldException("value", "must be 1 to 1024 characters");
      }
    }
  }

  public XConfig {
    SourceConfig.checkId(id);
    baseUrl = SourceConfig.checkUrl(baseUrl == null ? "https://api.x.com" : baseUrl, "base_url", false);
    bearerToken = Secret.check(bearerToken, "bearer_token", true);
    if (rules == null || rules.isEmpty()) {
      throw new FieldException("rules", "at least one rule (e.g. value: '\"Ville-sur-Mer\" OR #villesurmer')");
    }
    rules = List.copyOf(rules);
    catchUpPages = FieldException.between(catchUpPages, 5, 0, 50, "catch_up_pages");
  }

  @Override
  public String type() {
    return "x";
  }

  /** The recent-search query equivalent to the rules. */
  public String searchQuery() {
    return rules.size() == 1 ? rules.get(0).value()
        : String.join(" OR ", rules.stream().map(r -> "(" + r.value() + ")").toList());
  }
}
