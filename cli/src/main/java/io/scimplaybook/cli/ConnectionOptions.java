package io.scimplaybook.cli;

import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.temporal.serviceclient.RpcRetryOptions;
import io.temporal.serviceclient.SimpleSslContextBuilder;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.net.ssl.TrustManagerFactory;

/**
 * Where and how the CLI reaches Temporal: a local server in plain text, a cluster over (m)TLS, or Temporal Cloud with
 * an API key. Everything is checked before any connection is tried, so a wrong option is a usage error, not "down".
 *
 * @param apiKey sent as a bearer token on every call; never printed, so {@link #toString()} leaves it out
 */
record ConnectionOptions(
    String address, String namespace, boolean tls, Path tlsCert, Path tlsKey, Path tlsCa, String tlsServerName,
    String apiKey) {

  static final String DEFAULT_ADDRESS = "127.0.0.1:7233";
  static final String DEFAULT_NAMESPACE = "default";
  static final Set<String> VALUE_OPTIONS =
      Set.of("address", "namespace", "tls-cert", "tls-key", "tls-ca", "tls-server-name", "api-key");
  static final Set<String> FLAGS = Set.of("tls");

  /** Once connected, a call may retry transient errors this long (the SDK default is a minute). */
  private static final Duration CALL_RETRY_LIMIT = Duration.ofSeconds(15);
  private static final Pattern ADDRESS = Pattern.compile("\\S+:\\d{1,5}");

  static ConnectionOptions from(CliArguments args, Map<String, String> env) {
    String address = args.optional("address").orElseGet(() -> fromEnv(env, "TEMPORAL_ADDRESS", DEFAULT_ADDRESS));
    if (!ADDRESS.matcher(address).matches()) {
      throw CliExit.usage("--address must be HOST:PORT, got '" + address + "'");
    }
    String namespace = args.optional("namespace").orElseGet(() -> fromEnv(env, "TEMPORAL_NAMESPACE", DEFAULT_NAMESPACE));
    Path cert = readableFile(args, "tls-cert");
    Path key = readableFile(args, "tls-key");
    if ((cert == null) != (key == null)) {
      throw CliExit.usage("--tls-cert and --tls-key go together (mTLS needs the client certificate and its key)");
    }
    Path ca = readableFile(args, "tls-ca");
    String serverName = args.optional("tls-server-name").orElse(null);
    String apiKey = args.optional("api-key").orElseGet(() -> fromEnv(env, "TEMPORAL_API_KEY", null));
    boolean tls = args.flag("tls") || cert != null || ca != null || serverName != null || apiKey != null;
    ConnectionOptions options = new ConnectionOptions(address, namespace, tls, cert, key, ca, serverName, apiKey);
    options.sslContext(); // a file that is not PEM must fail here, as a usage error
    return options;
  }

  /** The stubs' options; builds no channel, so tests can check them without a network. */
  WorkflowServiceStubsOptions stubsOptions() {
    WorkflowServiceStubsOptions.Builder builder = WorkflowServiceStubsOptions.newBuilder()
        .setTarget(address)
        .setRpcRetryOptions(RpcRetryOptions.newBuilder().setExpiration(CALL_RETRY_LIMIT).build());
    SslContext ssl = sslContext();
    if (ssl != null) {
      builder.setSslContext(ssl);
    } else if (tls) {
      builder.setEnableHttps(true); // the JVM's trusted CAs, as for Temporal Cloud
    }
    if (tlsServerName != null) {
      builder.setChannelInitializer(channel -> channel.overrideAuthority(tlsServerName));
    }
    if (apiKey != null) {
      String key = apiKey;
      builder.addApiKey(() -> key);
    }
    return builder.build();
  }

  /** Null when the JVM's defaults will do: no client certificate and no private CA. */
  SslContext sslContext() {
    if (tlsCert == null && tlsCa == null) {
      return null;
    }
    try {
      SimpleSslContextBuilder builder;
      if (tlsCert != null) {
        try (InputStream cert = Files.newInputStream(tlsCert); InputStream key = Files.newInputStream(tlsKey)) {
          builder = SimpleSslContextBuilder.forPKCS8(cert, key);
          if (tlsCa != null) {
            builder.setTrustManager(trustManagers().getTrustManagers()[0]);
          }
          return builder.build();
        }
      }
      return SimpleSslContextBuilder.noKeyOrCertChain().setTrustManager(trustManagers().getTrustManagers()[0]).build();
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      throw CliExit.usage("cannot use the TLS files (" + (tlsCert == null ? "" : "--tls-cert " + tlsCert
          + ", --tls-key " + tlsKey + (tlsCa == null ? "" : ", ")) + (tlsCa == null ? "" : "--tls-ca " + tlsCa)
          + "): they must be PEM, the key PKCS#8 (" + e.getClass().getSimpleName() + ")");
    }
  }

  private TrustManagerFactory trustManagers() throws IOException, GeneralSecurityException {
    Collection<? extends Certificate> cas;
    try (InputStream in = Files.newInputStream(tlsCa)) {
      cas = CertificateFactory.getInstance("X.509").generateCertificates(in);
    }
    if (cas.isEmpty()) {
      throw new GeneralSecurityException("no certificate in " + tlsCa);
    }
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    int i = 0;
    for (Certificate ca : cas) {
      store.setCertificateEntry("ca-" + i++, ca);
    }
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    return factory;
  }

  private static Path readableFile(CliArguments args, String option) {
    return args.optional(option).map(value -> {
      Path path = Path.of(value);
      if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
        throw CliExit.usage("--" + option + " " + value + " is not a readable file");
      }
      return path;
    }).orElse(null);
  }

  private static String fromEnv(Map<String, String> env, String name, String fallback) {
    String value = env.get(name);
    return value == null || value.isBlank() ? fallback : value.strip();
  }

  @Override
  public String toString() {
    return "ConnectionOptions[address=" + address + ", namespace=" + namespace + ", tls=" + tls + ", tlsCert=" + tlsCert
        + ", tlsKey=" + tlsKey + ", tlsCa=" + tlsCa + ", tlsServerName=" + tlsServerName + ", apiKey="
        + (apiKey == null ? "none" : "(set)") + "]";
  }
}
