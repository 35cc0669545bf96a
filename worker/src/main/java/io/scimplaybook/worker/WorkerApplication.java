package io.scimplaybook.worker;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Hosts the playbook worker against the Temporal server that {@code spring.temporal.connection.target} names. The
 * demo's embedded server is not in here: the {@code demo} module starts one in front of this application.
 */
@SpringBootApplication
public class WorkerApplication {

  public static void main(String[] args) {
    SpringApplication.run(WorkerApplication.class, args);
  }
}
