package io.scimplaybook.starter;

import com.google.protobuf.ByteString;
import io.scimplaybook.activities.cato.CatoApiSettings;
import io.scimplaybook.activities.cato.CatoGraphqlClient;
import io.scimplaybook.activities.feed.EventsFeedActivitiesImpl;
import io.scimplaybook.api.PlaybookIds;
import io.scimplaybook.api.PlaybookSearchAttributes;
import io.scimplaybook.testkit.LoopbackTestServer;
import io.scimplaybook.workflows.EventsFeedPollerWorkflowImpl;
import io.scimplaybook.workflows.ScimPlaybookWorkflowImpl;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.ListClosedWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.ListClosedWorkflowExecutionsResponse;
import io.temporal.api.workflowservice.v1.ListOpenWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.ListOpenWorkflowExecutionsResponse;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkflowImplementationOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import okhttp3.OkHttpClient;

/**
 * The storm's Temporal side: the Java test server bound to loopback (time skipping locked, so waits are wall-clock and
 * a run waiting 24 hours for an approval stays open), one worker running the REAL playbook and poller workflows, the
 * playbook on {@link HeldOpenPlaybookActivities}, the poller on the real eventsFeed client and delivery pointed at a
 * fake Cato.
 */
final class StormTemporal implements AutoCloseable {

  static final String NAMESPACE = "default";

  private final LoopbackTestServer server;
  private final TestWorkflowEnvironment env;

  private StormTemporal(LoopbackTestServer server, TestWorkflowEnvironment env) {
    this.server = server;
    this.env = env;
  }

  /**
   * @param feedActivities wraps the real poller activities (built here, on this server's client) before registration
   */
  static StormTemporal start(String catoUrl, String catoApiKey, int fullPage,
      Function<EventsFeedActivitiesImpl, Object> feedActivities) {
    LoopbackTestServer server = LoopbackTestServer.start(true);
    TestEnvironmentOptions.Builder options = TestEnvironmentOptions.newBuilder()
        .setUseExternalService(true)
        .setUseTimeskipping(false)
        .setTarget(server.target())
        .setWorkflowClientOptions(WorkflowClientOptions.newBuilder().setNamespace(NAMESPACE).build());
    PlaybookSearchAttributes.ALL.forEach(
        key -> options.registerSearchAttribute(key.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD));
    TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance(options.build());

    Worker worker = env.newWorker(PlaybookIds.TASK_QUEUE);
    // A bug in workflow code must fail the run (and so the test), not leave it retrying its workflow task.
    worker.registerWorkflowImplementationTypes(
        WorkflowImplementationOptions.newBuilder().setFailWorkflowExceptionTypes(Throwable.class).build(),
        ScimPlaybookWorkflowImpl.class, EventsFeedPollerWorkflowImpl.class);
    CatoGraphqlClient cato = new CatoGraphqlClient(
        new CatoApiSettings(catoUrl, catoApiKey, Duration.ofSeconds(10)), new OkHttpClient());
    worker.registerActivitiesImplementations(new HeldOpenPlaybookActivities(),
        feedActivities.apply(new EventsFeedActivitiesImpl(cato, env.getWorkflowClient(), fullPage)));
    env.start();
    return new StormTemporal(server, env);
  }

  String target() {
    return server.target();
  }

  WorkflowClient client() {
    return env.getWorkflowClient();
  }

  /** Every open execution of a workflow type, across pages. */
  List<WorkflowExecutionInfo> open(String workflowType) {
    WorkflowServiceStubs stubs = env.getWorkflowServiceStubs();
    List<WorkflowExecutionInfo> all = new ArrayList<>();
    ByteString page = ByteString.EMPTY;
    do {
      ListOpenWorkflowExecutionsResponse r = stubs.blockingStub().listOpenWorkflowExecutions(
          ListOpenWorkflowExecutionsRequest.newBuilder().setNamespace(NAMESPACE).setMaximumPageSize(1000)
              .setNextPageToken(page).build());
      r.getExecutionsList().stream().filter(e -> e.getType().getName().equals(workflowType)).forEach(all::add);
      page = r.getNextPageToken();
    } while (!page.isEmpty());
    return all;
  }

  /** Every closed execution of a workflow type, across pages. */
  List<WorkflowExecutionInfo> closed(String workflowType) {
    WorkflowServiceStubs stubs = env.getWorkflowServiceStubs();
    List<WorkflowExecutionInfo> all = new ArrayList<>();
    ByteString page = ByteString.EMPTY;
    do {
      ListClosedWorkflowExecutionsResponse r = stubs.blockingStub().listClosedWorkflowExecutions(
          ListClosedWorkflowExecutionsRequest.newBuilder().setNamespace(NAMESPACE).setMaximumPageSize(1000)
              .setNextPageToken(page).build());
      r.getExecutionsList().stream().filter(e -> e.getType().getName().equals(workflowType)).forEach(all::add);
      page = r.getNextPageToken();
    } while (!page.isEmpty());
    return all;
  }

  @Override
  public void close() {
    env.close();
    server.close();
  }
}
