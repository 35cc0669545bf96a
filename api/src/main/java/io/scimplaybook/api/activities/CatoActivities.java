package io.scimplaybook.api.activities;

import io.scimplaybook.api.findings.AuditQuery;
import io.scimplaybook.api.findings.ConfigChanges;
import io.scimplaybook.api.findings.EventFindings;
import io.scimplaybook.api.findings.StoryFindings;
import io.scimplaybook.api.findings.StorySummary;
import io.scimplaybook.api.findings.VerificationQuery;
import io.temporal.activity.ActivityInterface;

/** Reads from the Cato Management Application (GraphQL API). */
@ActivityInterface
public interface CatoActivities {
  /** XOps stories in the window whose incident indication mentions SCIM (Cato has no server-side filter for it). */
  StoryFindings findScimStories(VerificationQuery query);

  /** SCIM Provisioning / Failed events in the window. */
  EventFindings findFailureEvents(VerificationQuery query);

  /** Domain-model changes in Cato's audit trail in the window (every page). */
  ConfigChanges findDomainChanges(AuditQuery query);

  /** One story's current state; used before calling a run resolved. */
  StorySummary getStory(String accountId, String storyId);

  /** Posts a comment on an XOps story ({@code xdr.addStoryComment}); returns the comment's id. */
  String addStoryComment(String accountId, String storyId, String text);
}
