package io.scimplaybook.starter;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Where runs begin: the failure-event webhook ({@code starter.webhook}) and the events-feed pollers started at boot
 * ({@code starter.poller}). The operator CLI is the {@code cli} module, a separate program without Spring.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class StarterApplication {

  public static void main(String[] args) {
    SpringApplication.run(StarterApplication.class, args);
  }
}
