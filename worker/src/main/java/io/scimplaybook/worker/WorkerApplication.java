package io.scimplaybook.worker;

import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Hosts the playbook worker. With {@code --embedded-temporal} (the demo's default) it first starts Temporal's Java
 * test server on 127.0.0.1:7233, so one machine without Docker runs the whole thing.
 */
@SpringBootApplication
public class WorkerApplication {
  static final String EMBEDDED_FLAG = "--embedded-temporal";

  public static void main(String[] args) throws Exception {
    if (Arrays.asList(args).contains(EMBEDDED_FLAG)) {
      int port = Integer.parseInt(System.getenv().getOrDefault("EMBEDDED_TEMPORAL_PORT", "7233"));
      EmbeddedTemporalServer server = EmbeddedTemporalServer.start(port);
      Runtime.getRuntime().addShutdownHook(new Thread(server::close, "embedded-temporal-shutdown"));
      System.out.println("Embedded Temporal server ready on " + server.target());
      args = Arrays.stream(args).filter(a -> !a.equals(EMBEDDED_FLAG)).toArray(String[]::new);
    }
    SpringApplication.run(WorkerApplication.class, args);
  }
}
