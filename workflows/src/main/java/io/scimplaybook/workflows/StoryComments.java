package io.scimplaybook.workflows;

import static io.scimplaybook.workflows.ActivityPolicies.stub;

import io.scimplaybook.api.activities.CatoActivities;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;

/**
 * Comments on the XOps story (Cato's {@code xdr.addStoryComment}) when the run diagnoses, when a fix is applied and
 * when it ends, so whoever opens the story sees what the playbook did without the Temporal UI. Each names the run;
 * none carries a secret (the texts are the run's evidence, which never holds one). A comment that cannot be posted is
 * noted in the timeline and the run goes on. Off with {@code PlaybookOptions.storyComments = false}. Change id
 * {@value #CHANGE}.
 */
final class StoryComments {
  static final String CHANGE = "story-comments-v1";
  private static final int MAX_TEXT = 1500;
  private final RunRecord run;

  StoryComments(RunRecord run) {
    this.run = run;
  }

  void post(String what) {
    if (Workflow.getVersion(CHANGE, Workflow.DEFAULT_VERSION, 1) < 1 || !run.options.commentOnStory()) {
      return;
    }
    String storyId = run.failures.storyId();
    if (storyId == null) {
      return;
    }
    String text = "scim-playbook run " + Workflow.getInfo().getWorkflowId() + " (run id "
        + Workflow.getInfo().getRunId() + "), cycle " + Math.max(run.cycle, 1) + ": " + what;
    if (text.length() > MAX_TEXT) {
      text = text.substring(0, MAX_TEXT) + "...";
    }
    try {
      stub(CatoActivities.class, ActivityPolicies.storyComment(), "comment on story " + storyId)
          .addStoryComment(run.input.accountId(), storyId, text);
      run.note("Commented on story " + storyId + ": " + what);
    } catch (ActivityFailure f) {
      run.note("Could not comment on story " + storyId + " (the run goes on): " + Reasons.of(f));
    }
  }
}
