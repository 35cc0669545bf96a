package io.scimplaybook.demo;

import io.scimplaybook.worker.WorkerApplication;
import org.springframework.boot.SpringApplication;

/**
 * The demo's worker process: Temporal's Java test server on 127.0.0.1 (port {@code EMBEDDED_TEMPORAL_PORT}, default
 * 7233; 0 takes any free port), then the real playbook worker connected to it, so one machine without Docker runs the
 * whole thing.
 */
public final class DemoWorker {

  /** The line the demo wrapper reads the server's real address from; keep its wording. */
  static final String READY = "Embedded Temporal server ready on ";

  private DemoWorker() {}

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(System.getenv().getOrDefault("EMBEDDED_TEMPORAL_PORT", "7233"));
    EmbeddedTemporalServer server = EmbeddedTemporalServer.start(port);
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "embedded-temporal-shutdown"));
    // The worker talks to this server, wherever it is bound: a system property outranks application.yml's
    // ${TEMPORAL_ADDRESS:127.0.0.1:7233}, so the port alone is enough (and port 0 works).
    System.setProperty("spring.temporal.connection.target", server.target());
    System.out.println(READY + server.target());
    SpringApplication.run(WorkerApplication.class, args);
  }
}
