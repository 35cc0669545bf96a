package io.scimplaybook.worker;

import io.scimplaybook.api.ScimPlaybookWorkflow;
import io.scimplaybook.api.operator.Decision;
import io.scimplaybook.api.operator.RotationApproval;
import io.scimplaybook.api.operator.TaskDecision;
import io.scimplaybook.api.operator.TaskKind;
import io.scimplaybook.api.status.OperatorTask;
import io.scimplaybook.api.status.PlaybookReport;
import io.scimplaybook.api.status.PlaybookStatus;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An operator for the end-to-end tests: answers each task a run opens as the wrapper's demo does ({@code
 * react_to_tasks} in {@code scim-playbook}), doing in the sandbox what a person does in the CMA or the IdP's console
 * ({@code /sandbox/cma/scim-token}, {@code /sandbox/cma/revert}, {@code /sandbox/idp/provision}, {@code
 * /sandbox/idp/token}, {@code /sandbox/state}) and then telling the run what it saw. Between tasks it skips the test
 * server's time in small steps, never while a task is open, so no task's deadline passes unanswered.
 */
final class SandboxOperator {
  /**
   * Small against every task deadline (approval 24 h, reminders 1 h) and against the sandbox's IdP log: each skipped
   * minute is a dozen scheduled pushes there.
   */
  private static final Duration STEP = Duration.ofMinutes(1);
  private static final Duration PATIENCE = Duration.ofSeconds(90);

  private final SandboxWorker world;
  private final HttpClient http = HttpClient.newHttpClient();
  /** Every task the run asked for, in order. */
  final List<TaskKind> asked = new ArrayList<>();
  /** Every CMA token the operator generated and approved: secrets no history or log may hold. */
  final List<String> tokens = new ArrayList<>();

  SandboxOperator(SandboxWorker world) {
    this.world = world;
  }

  /** Answers tasks until the run ends; returns its report. */
  PlaybookReport playToEnd(ScimPlaybookWorkflow run, String workflowId) throws Exception {
    Set<String> answered = new HashSet<>();
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    PlaybookStatus status = run.status();
    while (status.outcome() == null) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the run did not end in " + PATIENCE + "; asked " + asked + ", last status " + status);
      }
      OperatorTask task = status.pendingTask();
      if (task != null && answered.add(task.id())) {
        asked.add(task.kind());
        answer(run, task);
      } else if (task == null) {
        world.env.sleep(STEP);
      } else {
        Thread.sleep(20);
      }
      status = run.status();
    }
    return world.client.newUntypedWorkflowStub(workflowId).getResult(PlaybookReport.class);
  }

  private void answer(ScimPlaybookWorkflow run, OperatorTask task) throws Exception {
    switch (task.kind()) {
      case APPROVE_ROTATION -> {
        String token = post("/sandbox/cma/scim-token", null).body();
        tokens.add(token);
        run.approveRotation(new RotationApproval(task.id(), "alice", world.seal.seal(token), "end-to-end test"));
      }
      case REVIEW_SUSPECTS -> {
        // The CMA's Domain change is the only one the sandbox can revert; the IdP logs' older app changes (Okta's and
        // OneLogin's "App Visibility") are suspects too, and with nothing to revert the operator dismisses them (the
        // demo confirms either way and lets the run find out).
        HttpResponse<String> revert = post("/sandbox/cma/revert", null);
        if (revert.statusCode() == 409) {
          run.decideTask(new TaskDecision(task.id(), Decision.DISMISSED, "alice", "none of these broke provisioning"));
        } else {
          expectOk(revert);
          run.decideTask(new TaskDecision(task.id(), Decision.REVERTED, "alice", "reverted the Domain change"));
        }
      }
      case PROVISION_MANUALLY -> {
        HttpResponse<String> push = post("/sandbox/idp/provision", null);
        expectOk(push);
        boolean succeeded = push.body().contains("\"succeeded\":true");
        run.decideTask(new TaskDecision(task.id(), succeeded ? Decision.SUCCEEDED : Decision.FAILED, "alice",
            "pushed the probe user from the IdP console; it " + (succeeded ? "succeeded" : "failed")));
      }
      case INSTALL_TOKEN_MANUALLY -> {
        if (tokens.isEmpty()) {
          throw new AssertionError("asked to install a token before any was approved: " + task);
        }
        expectOk(post("/sandbox/idp/token", tokens.get(tokens.size() - 1)));
        run.decideTask(new TaskDecision(task.id(), Decision.SUCCEEDED, "alice",
            "pasted the approved token into the IdP app's provisioning settings"));
      }
      case CONFIRM_SCHEDULED_SYNC -> confirmScheduledSync(run, task);
    }
  }

  /** As the wrapper does: a good scheduled cycle that began after the task opened, looked for a bounded while. */
  private void confirmScheduledSync(ScimPlaybookWorkflow run, OperatorTask task) throws Exception {
    Instant opened = Instant.ofEpochMilli(world.env.currentTimeMillis());
    for (int look = 0; look < 10; look++) {
      // The sandbox's IdP pushes every few seconds of its (the test server's) time.
      world.env.sleep(Duration.ofSeconds(6));
      var state = world.sandbox.state();
      if (Boolean.TRUE.equals(state.lastScheduledCycleSucceeded()) && state.lastScheduledCycleAt() != null
          && Instant.parse(state.lastScheduledCycleAt()).isAfter(opened)) {
        run.decideTask(new TaskDecision(task.id(), Decision.SUCCEEDED, "alice",
            "the IdP console shows a successful scheduled cycle at " + state.lastScheduledCycleAt()));
        return;
      }
    }
    run.decideTask(new TaskDecision(task.id(), Decision.FAILED, "alice",
        "no successful scheduled cycle in the IdP console"));
  }

  private HttpResponse<String> post(String path, String text) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(world.sandbox.baseUrl() + path));
    request = text == null ? request.POST(HttpRequest.BodyPublishers.noBody())
        : request.header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(text));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void expectOk(HttpResponse<String> response) {
    if (response.statusCode() != 200) {
      throw new AssertionError(response.uri() + " answered " + response.statusCode() + ": " + response.body());
    }
  }
}
