package io.scimplaybook.starter.poller;

import io.scimplaybook.api.PollerControl;
import io.scimplaybook.starter.PlaybookProperties;
import io.temporal.client.WorkflowClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** Starts the configured accounts' pollers at boot; a Temporal outage is logged, the webhook still comes up. */
@Component
class PollerBootstrap implements ApplicationRunner {
  private static final Logger log = LoggerFactory.getLogger(PollerBootstrap.class);

  private final WorkflowClient client;
  private final PollerProperties pollers;
  private final PlaybookProperties playbook;

  PollerBootstrap(WorkflowClient client, PollerProperties pollers, PlaybookProperties playbook) {
    this.client = client;
    this.pollers = pollers;
    this.playbook = playbook;
  }

  @Override
  public void run(ApplicationArguments args) {
    for (String account : pollers.accounts()) {
      try {
        PollerControl.Result r = PollerControl.start(client, account, pollers.toOptions(), playbook.toOptions());
        log.info("events-feed poller {} {}", r.workflowId(), r.started() ? "started" : "already running, left alone");
      } catch (RuntimeException e) {
        log.error("could not start the events-feed poller of account {}: {}", account, e.toString());
      }
    }
  }
}
