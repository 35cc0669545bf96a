package io.scimplaybook.cli;

import picocli.CommandLine.Option;

/** The connection options every verb takes, as given; {@link ConnectionOptions#from} checks and completes them. */
final class ConnectionArgs {

  @Option(names = "--address", paramLabel = "HOST:PORT", order = 1,
      description = "Temporal frontend (default: $TEMPORAL_ADDRESS, else 127.0.0.1:7233)")
  String address;

  @Option(names = "--namespace", paramLabel = "NS", order = 2,
      description = "Temporal namespace (default: $TEMPORAL_NAMESPACE, else default)")
  String namespace;

  @Option(names = "--tls", order = 3, description = "TLS with the JVM's trusted CAs (implied by every option below)")
  boolean tls;

  @Option(names = "--tls-cert", paramLabel = "F", order = 4,
      description = "mTLS client certificate (PEM), always with --tls-key")
  String tlsCert;

  @Option(names = "--tls-key", paramLabel = "F", order = 5, description = "its private key (PKCS#8 PEM)")
  String tlsKey;

  @Option(names = "--tls-ca", paramLabel = "F", order = 6, description = "CA certificate(s) (PEM) to trust for the server")
  String tlsCa;

  @Option(names = "--tls-server-name", paramLabel = "N", order = 7,
      description = "server name to verify when it differs from the address's host")
  String tlsServerName;

  @Option(names = "--api-key", paramLabel = "K", order = 8,
      description = "Temporal Cloud API key (better: $TEMPORAL_API_KEY, as options show in the process list); "
          + "never printed")
  String apiKey;
}
