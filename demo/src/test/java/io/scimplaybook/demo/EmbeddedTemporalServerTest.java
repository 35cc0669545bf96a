package io.scimplaybook.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimplaybook.api.PlaybookSearchAttributes;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.SearchAttributes;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** The launcher uses the test server's internal packages: this pins that it binds loopback and registers attributes. */
class EmbeddedTemporalServerTest {

  @Test
  void servesOnLoopbackWithThePlaybookSearchAttributesRegistered() throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    try (EmbeddedTemporalServer server = EmbeddedTemporalServer.start(port)) {
      assertThat(server.target()).isEqualTo("127.0.0.1:" + port);
      WorkflowServiceStubs stubs = WorkflowServiceStubs.newServiceStubs(
          WorkflowServiceStubsOptions.newBuilder().setTarget(server.target()).build());
      try {
        WorkflowClient client = WorkflowClient.newInstance(stubs);
        WorkflowStub stub = client.newUntypedWorkflowStub("AnyWorkflow", WorkflowOptions.newBuilder()
            .setWorkflowId("embedded-check").setTaskQueue("nobody-polls")
            .setTypedSearchAttributes(SearchAttributes.newBuilder()
                .set(PlaybookSearchAttributes.ACCOUNT_ID, "12345")
                .set(PlaybookSearchAttributes.ROOT_CAUSE, "NONE").build())
            .build());
        // An unregistered search attribute would make the server refuse the start.
        assertThat(stub.start().getWorkflowId()).isEqualTo("embedded-check");
      } finally {
        stubs.shutdownNow();
      }
    }
  }
}
