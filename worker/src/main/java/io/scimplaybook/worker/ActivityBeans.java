package io.scimplaybook.worker;

import io.scimplaybook.activities.cato.CatoActivitiesImpl;
import io.scimplaybook.activities.escalation.EscalationActivitiesImpl;
import io.scimplaybook.activities.feed.EventsFeedActivitiesImpl;
import io.scimplaybook.activities.rotation.TokenRotationActivitiesImpl;
import io.scimplaybook.activities.source.SourceActivitiesImpl;
import io.scimplaybook.api.activities.IdpActivities;
import io.temporal.client.WorkflowClient;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The activity beans the worker registers (named in application.yml under spring.temporal.workers). */
@Configuration
@EnableConfigurationProperties({WorkerProperties.class, EventsFeedProperties.class})
public class ActivityBeans {

  @Bean
  PlaybookActivities playbookActivities(WorkerProperties properties) {
    return PlaybookActivities.from(properties);
  }

  @Bean
  SourceActivitiesImpl sourceActivities(PlaybookActivities a) {
    return a.sources();
  }

  @Bean
  CatoActivitiesImpl catoActivities(PlaybookActivities a) {
    return a.cato();
  }

  /** Entra's through Graph, or one that refuses every call when the worker has no Entra source or credentials. */
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

  /** The poller's activities; the WorkflowClient (from temporal-spring-boot-starter) signals the playbook runs. */
  @Bean
  EventsFeedActivitiesImpl eventsFeedActivities(
      PlaybookActivities a, EventsFeedProperties feed, WorkflowClient client) {
    return new EventsFeedActivitiesImpl(a.catoGraphql(), client, feed.fullPage());
  }
}
