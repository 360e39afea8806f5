package fr.communitydefender.domain.config.internal;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Finds the line and column of a field path ({@code rules[2].window}) in a YAML text, as close as it exists. */
public final class YamlLocator {
  private YamlLocator() {}

  /** Returns {line, column}, 1-based, or {0, 0} when the text cannot be composed. */
  public static int[] locate(String yaml, String path) {
    Node node;
    try {
      node = new Yaml(new LoaderOptions()).compose(new StringReader(yaml));
    } catch (RuntimeException e) {
      return new int[] {0, 0};
    }
    if (node == null) {
      return new int[] {0, 0};
    }
    Mark mark = node.getStartMark();
    for (Object segment : segments(path)) {
      Node next = null;
      if (segment instanceof Integer index && node instanceof SequenceNode seq && index < seq.getValue().size()) {
        next = seq.getValue().get(index);
        mark = next.getStartMark();
      } else if (segment instanceof String name && node instanceof MappingNode map) {
        for (NodeTuple tuple : map.getValue()) {
          if (tuple.getKeyNode() instanceof ScalarNode key && key.getValue().equals(name)) {
            next = tuple.getValueNode();
            mark = key.getStartMark();
            break;
          }
        }
      }
      if (next == null) {
        break;
      }
      node = next;
    }
    return new int[] {mark.getLine() + 1, mark.getColumn() + 1};
  }

  static List<Object> segments(String path) {
    List<Object> out = new ArrayList<>();
    for (String part : path.split("\\.")) {
      int bracket = part.indexOf('[');
      String name = bracket < 0 ? part : part.substring(0, bracket);
      if (!name.isEmpty()) {
        out.add(name);
      }
      while (bracket >= 0) {
        int close = part.indexOf(']', bracket);
        out.add(Integer.parseInt(part.substring(bracket + 1, close)));
        bracket = part.indexOf('[', close);
      }
    }
    return out;
  }
}
