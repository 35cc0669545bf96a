package io.scimplaybook.demo;

import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.scimplaybook.api.PlaybookSearchAttributes;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.operatorservice.v1.AddSearchAttributesRequest;
import io.temporal.internal.testservice.GRPCServerHelper;
import io.temporal.internal.testservice.TestServicesStarter;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * The embedded default: Temporal's Java test server on loopback, in wall-clock time, with the playbook's search
 * attributes registered. {@code TestServer.createPortBoundServer} binds every interface, which a demo on a
 * workstation must not do, hence the internal services bound by hand (pinned SDK version, covered by a test).
 */
public final class EmbeddedTemporalServer implements AutoCloseable {
  private final TestServicesStarter services;
  private final Server server;

  private EmbeddedTemporalServer(TestServicesStarter services, Server server) {
    this.services = services;
    this.server = server;
  }

  public static EmbeddedTemporalServer start(int port) throws IOException {
    // Time skipping locked: the demo runs in wall-clock time, so a one-hour window takes an hour.
    TestServicesStarter services = new TestServicesStarter(true, 0);
    NettyServerBuilder builder = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", port));
    GRPCServerHelper.registerServicesAndHealthChecks(services.getServices(), builder);
    Server server = builder.build().start();
    EmbeddedTemporalServer embedded = new EmbeddedTemporalServer(services, server);
    try {
      embedded.awaitHealthyAndRegister();
    } catch (RuntimeException e) {
      embedded.close();
      throw e;
    }
    return embedded;
  }

  public int port() {
    return server.getPort();
  }

  public String target() {
    return "127.0.0.1:" + port();
  }

  private void awaitHealthyAndRegister() {
    // Connected stubs wait for the server's gRPC health check: "ready" is printed only once it answers.
    WorkflowServiceStubs.newConnectedServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(target()).build(), Duration.ofSeconds(30))
        .shutdownNow();
    OperatorServiceStubs operator = OperatorServiceStubs.newServiceStubs(
        OperatorServiceStubsOptions.newBuilder().setTarget(target()).setRpcTimeout(Duration.ofSeconds(10))
            .validateAndBuildWithDefaults());
    try {
      AddSearchAttributesRequest.Builder request = AddSearchAttributesRequest.newBuilder().setNamespace("default");
      PlaybookSearchAttributes.ALL.forEach(
          key -> request.putSearchAttributes(key.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD));
      operator.blockingStub().addSearchAttributes(request.build());
    } finally {
      operator.shutdownNow();
    }
  }

  @Override
  public void close() {
    server.shutdownNow();
    services.close();
  }
}
