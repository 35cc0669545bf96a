package io.scimplaybook.activities.cato;

import java.time.Instant;
import java.util.Locale;

/** An XOps story as returned by {@code xdr.stories} or {@code xdr.story}. */
public record CatoStory(
    String id, Instant createdAt, Instant updatedAt, String summary, String playbook, CatoIncident incident) {

  /** Cato has no server-side indication filter, so this is how SCIM stories are told apart. */
  public boolean isScim() {
    return incident != null
        && incident.indication() != null
        && incident.indication().toLowerCase(Locale.ROOT).contains("scim");
  }
}
