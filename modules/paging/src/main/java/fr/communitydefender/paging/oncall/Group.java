package fr.communitydefender.paging.oncall;

import fr.communitydefender.domain.config.FieldException;
import java.util.List;

/** People paged together (e.g. the direction: communications director, directeur de cabinet, DGS). */
public record Group(String id, List<String> members) {
  public Group {
    FieldException.required(id, "id");
    if (members == null || members.isEmpty()) {
      throw new FieldException("members", "at least one person");
    }
    members = List.copyOf(members);
  }
}
