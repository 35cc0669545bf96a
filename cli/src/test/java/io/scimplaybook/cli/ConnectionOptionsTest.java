package io.scimplaybook.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Metadata;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the connection options become the stubs' options, checked without a network. */
class ConnectionOptionsTest {
  static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  @TempDir Path dir;

  private static ConnectionOptions parse(Map<String, String> env, String... args) {
    return ConnectionOptions.from(
        CliArguments.parse("status", args, ConnectionOptions.VALUE_OPTIONS, ConnectionOptions.FLAGS), env);
  }

  private static String fixture(String name) {
    try {
      return Path.of(ConnectionOptionsTest.class.getResource("/tls/" + name).toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void withoutOptionsItIsPlainTextToTheEnvironmentsServer() {
    ConnectionOptions options = parse(Map.of("TEMPORAL_ADDRESS", "temporal:7233", "TEMPORAL_NAMESPACE", "scim"));
    WorkflowServiceStubsOptions stubs = options.stubsOptions();

    assertThat(stubs.getTarget()).isEqualTo("temporal:7233");
    assertThat(options.namespace()).isEqualTo("scim");
    assertThat(stubs.getEnableHttps()).isFalse();
    assertThat(stubs.getSslContext()).isNull();
    assertThat(stubs.getGrpcMetadataProviders()).isNullOrEmpty();

    ConnectionOptions defaults = parse(Map.of());
    assertThat(defaults.address()).isEqualTo("127.0.0.1:7233");
    assertThat(defaults.namespace()).isEqualTo("default");
  }

  @Test
  void mutualTlsWithAPrivateCaAndServerNameBuildsATlsChannelConfig() {
    ConnectionOptions options = parse(Map.of(), "--address", "temporal.internal:7233",
        "--tls-cert", fixture("test-client.pem"), "--tls-key", fixture("test-client.key"),
        "--tls-ca", fixture("test-ca.pem"), "--tls-server-name", "frontend.temporal.internal");
    WorkflowServiceStubsOptions stubs = options.stubsOptions();

    assertThat(options.tls()).isTrue();
    assertThat(stubs.getSslContext()).isNotNull();
    assertThat(stubs.getSslContext().isClient()).isTrue();
    assertThat(stubs.getChannelInitializer()).isNotNull();
    assertThat(stubs.getGrpcMetadataProviders()).isNullOrEmpty();
  }

  @Test
  void aPrivateCaAloneIsServerAuthenticatedTls() {
    WorkflowServiceStubsOptions stubs = parse(Map.of(), "--tls-ca", fixture("test-ca.pem")).stubsOptions();

    assertThat(stubs.getSslContext()).isNotNull();
  }

  @Test
  void anApiKeyTurnsOnTlsAndIsSentAsABearerTokenButNeverShown() {
    ConnectionOptions options = parse(Map.of("TEMPORAL_API_KEY", "key-from-env"), "--address", "ns.acct.tmprl.cloud:7233");
    WorkflowServiceStubsOptions stubs = options.stubsOptions();

    assertThat(stubs.getEnableHttps()).isTrue();
    assertThat(stubs.getGrpcMetadataProviders()).singleElement()
        .satisfies(p -> assertThat(p.getMetadata().get(AUTHORIZATION)).isEqualTo("Bearer key-from-env"));
    assertThat(options.toString()).doesNotContain("key-from-env").contains("apiKey=(set)");

    ConnectionOptions explicit = parse(Map.of("TEMPORAL_API_KEY", "key-from-env"), "--api-key", "key-from-option");
    assertThat(explicit.stubsOptions().getGrpcMetadataProviders()).singleElement()
        .satisfies(p -> assertThat(p.getMetadata().get(AUTHORIZATION)).isEqualTo("Bearer key-from-option"));
  }

  @Test
  void wrongTlsOptionsAreUsageErrors() throws Exception {
    Path notPem = Files.writeString(dir.resolve("cert.pem"), "hello\n");
    Map<String[], String> wrong = Map.of(
        new String[] {"--tls-cert", fixture("test-client.pem")}, "--tls-cert and --tls-key go together",
        new String[] {"--tls-key", fixture("test-client.key")}, "--tls-cert and --tls-key go together",
        new String[] {"--tls-ca", dir.resolve("missing.pem").toString()}, "is not a readable file",
        new String[] {"--tls-cert", notPem.toString(), "--tls-key", fixture("test-client.key")}, "must be PEM",
        new String[] {"--tls-ca", notPem.toString()}, "must be PEM",
        new String[] {"--address", "no-port"}, "--address must be HOST:PORT");
    wrong.forEach((args, message) -> assertThatThrownBy(() -> parse(Map.of(), args))
        .as(String.join(" ", args))
        .isInstanceOfSatisfying(CliExit.class, e -> assertThat(e.code()).isEqualTo(ExitCodes.USAGE))
        .hasMessageContaining(message));
  }
}
