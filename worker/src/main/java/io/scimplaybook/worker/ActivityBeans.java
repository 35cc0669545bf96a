package io.scimplaybook.worker;

import io.scimplaybook.activities.cato.CatoActivitiesImpl;
import io.scimplaybook.activities.escalation.EscalationActivitiesImpl;
import io.scimplaybook.activities.feed.EventsFeedActivitiesImpl;
import io.scimplaybook.activities.fleet.FleetActivitiesImpl;
import io.scimplaybook.activities.notify.NotificationActivitiesImpl;
import io.scimplaybook.activities.rotation.TokenRotationActivitiesImpl;
import io.scimplaybook.activities.source.AttributedDelivery;
import io.scimplaybook.activities.source.RoutingActivitiesImpl;
import io.scimplaybook.activities.source.SourceActivitiesImpl;
import io.scimplaybook.api.FleetReporting;
import io.scimplaybook.api.activities.IdpActivities;
import io.scimplaybook.api.fleet.FleetSettings;
import io.temporal.client.WorkflowClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The activity beans the worker registers (named in application.yml under spring.temporal.workers). */
@Configuration
@EnableConfigurationProperties({WorkerProperties.class, EventsFeedProperties.class, NotifyProperties.class,
    FleetProperties.class, PacingProperties.class})
public class ActivityBeans {
  private static final Logger log = LoggerFactory.getLogger(ActivityBeans.class);

  /** Every Cato GraphQL and Graph call of this worker is paced by its limit's limiter workflow (docs/pacing.md). */
  @Bean
  PlaybookActivities playbookActivities(WorkerProperties properties, PacingProperties pacing, WorkflowClient client) {
    log.info("Vendor calls are paced {}: {}", pacing.enabled() ? "across workers by limiter workflows"
        : "by this worker alone (scim-playbook.pacing.enabled=false)", pacing.table().limits());
    return PlaybookActivities.from(properties, pacing.interceptor(client));
  }

  @Bean
  SourceActivitiesImpl sourceActivities(PlaybookActivities a) {
    return a.sources();
  }

  @Bean
  CatoActivitiesImpl catoActivities(PlaybookActivities a) {
    return a.cato();
  }

  /** Every IdP's, each call dispatched to the port of the source's IdP (Entra only with Graph credentials). */
  @Bean
  IdpActivities idpActivities(PlaybookActivities a) {
    return a.idp();
  }

  @Bean
  TokenRotationActivitiesImpl tokenRotationActivities(PlaybookActivities a) {
    return a.tokenRotation();
  }

  @Bean
  EscalationActivitiesImpl escalationActivities(PlaybookActivities a) {
    return a.escalation();
  }

  /** Telling people about tasks and escalations; with no channel configured it answers that notifications are off. */
  @Bean
  NotificationActivitiesImpl notificationActivities(NotifyProperties notify) {
    NotificationActivitiesImpl activities = notify.activities();
    if (activities.channelNames().isEmpty()) {
      log.info("Notifications are off: set scim-playbook.notify.webhook.url and/or scim-playbook.notify.smtp.host");
    } else {
      log.info("Notifications go out by {}", String.join(", ", activities.channelNames()));
    }
    return activities;
  }

  /**
   * Attribution and signal-with-start of failure events, shared by the poller and the event router; the WorkflowClient
   * (from temporal-spring-boot-starter) signals the playbook runs.
   */
  @Bean
  AttributedDelivery attributedDelivery(PlaybookActivities a, WorkflowClient client) {
    return new AttributedDelivery(a.attribution(), client);
  }

  /** The poller's activities. */
  @Bean
  EventsFeedActivitiesImpl eventsFeedActivities(
      PlaybookActivities a, EventsFeedProperties feed, AttributedDelivery delivery) {
    return new EventsFeedActivitiesImpl(a.catoGraphql(), delivery, feed.fullPage());
  }

  /** Fleet correlation: the runs' sightings to the fleet watch, and the watch's notices to the runs. */
  @Bean
  FleetActivitiesImpl fleetActivities(FleetProperties fleet, WorkflowClient client) {
    FleetSettings settings = fleet.settings();
    if (settings.enabled()) {
      log.info("Fleet correlation on: {} sources failing with one reason within {} are a suspected provider incident; "
          + "runs {}", settings.threshold(), settings.window(),
          settings.hold() ? "hold up to " + settings.maxHold() + " before asking people" : "do not hold");
    } else {
      log.info("Fleet correlation off (scim-playbook.fleet.enabled=false)");
    }
    return new FleetActivitiesImpl(client, settings, fleet.linger(), FleetReporting.DEFAULT_VERDICT_WAIT);
  }

  /** The event router's activity: events without a source id, attributed here where the sources are configured. */
  @Bean
  RoutingActivitiesImpl routingActivities(AttributedDelivery delivery) {
    return new RoutingActivitiesImpl(delivery);
  }
}
