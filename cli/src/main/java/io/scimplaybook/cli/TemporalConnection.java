package io.scimplaybook.cli;

import io.grpc.Status;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/** The CLI's connection to Temporal: checked up front, so "unreachable" is told apart from every later failure. */
final class TemporalConnection implements AutoCloseable {

  static final String DEFAULT_ADDRESS = ConnectionOptions.DEFAULT_ADDRESS;
  static final String DEFAULT_NAMESPACE = ConnectionOptions.DEFAULT_NAMESPACE;

  /** A healthy frontend answers its health check in milliseconds; waiting longer only delays exit code 5. */
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
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
    return open(new ConnectionOptions(address, namespace, false, null, null, null, null, null));
  }

  static TemporalConnection open(ConnectionOptions options) {
    try {
      return new TemporalConnection(WorkflowServiceStubs.newConnectedServiceStubs(options.stubsOptions(), CONNECT_TIMEOUT),
          options.address(), options.namespace());
    } catch (RuntimeException e) {
      String hint = options.tls()
          ? "is the server running, and does it speak TLS with these certificates? (--address, --tls-*, --api-key)"
          : "is the server running? (--address, TEMPORAL_ADDRESS; --tls for a TLS endpoint)";
      throw new CliExit(ExitCodes.UNREACHABLE, "cannot reach Temporal at " + options.address() + " (" + reason(e) + "); "
          + hint, e);
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
