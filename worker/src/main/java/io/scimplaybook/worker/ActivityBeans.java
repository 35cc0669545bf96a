package io.scimplaybook.worker;

import io.scimplaybook.activities.cato.CatoActivitiesImpl;
import io.scimplaybook.activities.entra.EntraIdpActivitiesImpl;
import io.scimplaybook.activities.escalation.EscalationActivitiesImpl;
import io.scimplaybook.activities.rotation.TokenRotationActivitiesImpl;
import io.scimplaybook.activities.source.SourceActivitiesImpl;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The activity beans the worker registers (named in application.yml under spring.temporal.workers). */
@Configuration
@EnableConfigurationProperties(WorkerProperties.class)
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

  @Bean
  EntraIdpActivitiesImpl idpActivities(PlaybookActivities a) {
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
}
