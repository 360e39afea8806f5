package fr.communitydefender.alerting.rules;

import fr.communitydefender.domain.config.FieldException;
import java.util.List;

/** One file of {@code alert-rules/}: {@code rules: [...]}. */
public record AlertRulesFile(List<AlertRule> rules) {
  public AlertRulesFile {
    rules = List.copyOf(FieldException.required(rules, "rules"));
  }
}
