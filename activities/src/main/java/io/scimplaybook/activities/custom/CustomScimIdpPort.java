package io.scimplaybook.activities.custom;

import io.scimplaybook.activities.idp.IdpPort;
import io.scimplaybook.activities.idp.IdpSupport;
import io.scimplaybook.api.input.Idp;
import io.scimplaybook.api.input.IdpCapability;
import io.scimplaybook.api.input.SourceProfile;
import java.util.ArrayList;
import java.util.List;

/**
 * A custom SCIM app: whatever pushes users to Cato, this worker has no API for it. Every IdP step is an operator task;
 * the Cato side (events, stories, audit trail, the new token tested at Cato's SCIM endpoint) stays automated, and the
 * claims operators make are checked there by the workflow, not here ({@link IdpPort#checkClaim} answers UNVERIFIED).
 */
public final class CustomScimIdpPort implements IdpPort {
  static final String WHY = "a custom SCIM app has no API this worker knows";

  @Override
  public Idp idp() {
    return Idp.CUSTOM;
  }

  @Override
  public IdpSupport support(SourceProfile source) {
    List<String> manual = new ArrayList<>();
    for (IdpCapability capability : IdpCapability.values()) {
      manual.add(label(capability) + ": " + WHY);
    }
    return new IdpSupport(List.of(), manual);
  }

  static String label(IdpCapability capability) {
    return switch (capability) {
      case PROVISION_NOW -> "provision now";
      case TEST_TOKEN -> "token test";
      case SAVE_TOKEN -> "token save";
      case READ_CONFIG_CHANGES -> "config changes";
      case READ_PROVISIONING_FAILURES -> "provisioning failures";
      case READ_SCHEDULED_CYCLE -> "scheduled cycle";
      case RESTART_JOB -> "job restart";
    };
  }
}
