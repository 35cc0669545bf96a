package io.scimplaybook.starter;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * One jar, two faces: with an operator verb first ({@code approve}, {@code status}, ...) it is the CLI and exits with
 * the CLI's code; otherwise it serves the failure-event webhook.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class StarterApplication {

  public static void main(String[] args) {
    if (args.length > 0 && PlaybookCli.isCommand(args[0])) {
      // Set before any logger exists: the CLI's stdout carries results (possibly JSON), so library logging must
      // stay quiet and go to stderr. Spring never starts in this mode.
      if (System.getProperty("logback.configurationFile") == null) {
        System.setProperty("logback.configurationFile", "cli-logback.xml");
      }
      System.exit(new PlaybookCli(System.out, System.err, System.getenv()).run(args));
    }
    SpringApplication.run(StarterApplication.class, args);
  }
}
