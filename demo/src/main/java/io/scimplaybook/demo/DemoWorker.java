package io.scimplaybook.demo;

import io.scimplaybook.worker.WorkerApplication;
import org.springframework.boot.SpringApplication;

/**
 * The demo's worker process: Temporal's Java test server on 127.0.0.1 (port {@code EMBEDDED_TEMPORAL_PORT}, default
 * 7233), then the real playbook worker connected to it, so one machine without Docker runs the whole thing.
 */
public final class DemoWorker {

  private DemoWorker() {}

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(System.getenv().getOrDefault("EMBEDDED_TEMPORAL_PORT", "7233"));
    EmbeddedTemporalServer server = EmbeddedTemporalServer.start(port);
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "embedded-temporal-shutdown"));
    System.out.println("Embedded Temporal server ready on " + server.target());
    SpringApplication.run(WorkerApplication.class, args);
  }
}
