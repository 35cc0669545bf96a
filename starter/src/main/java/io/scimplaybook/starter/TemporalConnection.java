package io.scimplaybook.starter;

import io.grpc.Status;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.RpcRetryOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/** The CLI's connection to Temporal: checked up front, so "unreachable" is told apart from every later failure. */
final class TemporalConnection implements AutoCloseable {

  static final String DEFAULT_ADDRESS = "127.0.0.1:7233";
  static final String DEFAULT_NAMESPACE = "default";

  /** A healthy frontend answers its health check in milliseconds; waiting longer only delays exit code 5. */
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  /** Once connected, a call may retry transient errors this long (the SDK default is a minute). */
  private static final Duration CALL_RETRY_LIMIT = Duration.ofSeconds(15);
  private static final Pattern ADDRESS = Pattern.compile("\\S+:\\d{1,5}");

  private final WorkflowServiceStubs stubs;
  private final WorkflowClient client;
  private final String address;
  private final String namespace;

  private TemporalConnection(WorkflowServiceStubs stubs, String address, String namespace) {
    this.stubs = stubs;
    this.address = address;
    this.namespace = namespace;
    this.client = WorkflowClient.newInstance(stubs, WorkflowClientOptions.newBuilder().setNamespace(namespace).build());
  }

  static void checkAddress(String address) {
    if (!ADDRESS.matcher(address).matches()) {
      throw CliExit.usage("--address must be HOST:PORT, got '" + address + "'");
    }
  }

  static TemporalConnection open(String address, String namespace) {
    checkAddress(address);
    WorkflowServiceStubsOptions options = WorkflowServiceStubsOptions.newBuilder()
        .setTarget(address)
        .setRpcRetryOptions(RpcRetryOptions.newBuilder().setExpiration(CALL_RETRY_LIMIT).build())
        .build();
    try {
      return new TemporalConnection(
          WorkflowServiceStubs.newConnectedServiceStubs(options, CONNECT_TIMEOUT), address, namespace);
    } catch (RuntimeException e) {
      throw new CliExit(ExitCodes.UNREACHABLE,
          "cannot reach Temporal at " + address + " (" + reason(e) + "); is the server running? (--address, TEMPORAL_ADDRESS)",
          e);
    }
  }

  WorkflowClient client() {
    return client;
  }

  String address() {
    return address;
  }

  String namespace() {
    return namespace;
  }

  private static String reason(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof io.grpc.StatusRuntimeException grpc) {
        Status status = grpc.getStatus();
        return status.getCode() + (status.getDescription() == null ? "" : ": " + status.getDescription());
      }
    }
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }

  @Override
  public void close() {
    stubs.shutdownNow();
    stubs.awaitTermination(5, TimeUnit.SECONDS);
  }
}
