package io.scimplaybook.sandbox;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Starts a sandbox from the command line for the demo and docker-compose, prints its base URL as the first line of
 * standard output, and runs until the process is stopped.
 *
 * <pre>
 * --port N                 listen port (default 8089; 0 picks a free one)
 * --scenario NAME          token-mismatch (default), config-change, transient, persistent, scheduled-still-fails,
 *                          reopened-story, two-cycles
 * --idp NAME               entra (default), okta, onelogin, custom: which IdP feeds the SCIM source (SandboxIdp)
 * --okta-token-auth        the Okta app's provisioning connection takes a token (off: installing it is a person's job)
 * --bind ADDRESS           interface to listen on (default 127.0.0.1; 0.0.0.0 inside a container)
 * --events-name-source     SCIM failure events carry resource_id / resource_name / resource_type (off: Cato's docs
 *                          do not promise them; the app is named only in event_message)
 * --second-source ID       a second, healthy SCIM source of the same account (its SCIM path answers like the first)
 * --trigger URL            once up, POST the failure event to this webhook
 * --trigger-header 'N: V'  extra header for the trigger request (repeatable); not for secrets: arguments show in ps
 * --trigger-bearer-env VAR the trigger request's bearer token, read from environment variable VAR
 * </pre>
 */
public final class SandboxMain {
  /** docker-compose may start the sandbox before the starter listens; keep trying this long. */
  private static final int TRIGGER_ATTEMPTS = 30;
  private static final long TRIGGER_RETRY_MILLIS = 2_000;

  private SandboxMain() {}

  /** What the command line asks for; the trigger's headers may hold a secret read from the environment. */
  record Options(SandboxConfig config, URI trigger, Map<String, String> triggerHeaders, boolean help) {}

  public static void main(String[] args) throws Exception {
    Options options;
    try {
      options = parse(args, System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      usage();
      System.exit(2);
      return;
    }
    if (options.help()) {
      usage();
      return;
    }
    SandboxConfig config = options.config();
    URI trigger = options.trigger();
    Map<String, String> triggerHeaders = options.triggerHeaders();

    SandboxServer server = SandboxServer.start(config);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stopped.countDown();
    }, "sandbox-shutdown"));
    System.out.println(server.baseUrl());
    System.out.println("scenario " + config.scenario() + ", idp " + config.idp() + ", account " + config.accountId()
        + ", source " + config.sourceId() + ", story " + server.storyId());
    System.out.flush();

    if (trigger != null) {
      trigger(server, trigger, triggerHeaders);
    }
    stopped.await();
  }

  private static void trigger(SandboxServer server, URI webhook, Map<String, String> headers)
      throws InterruptedException {
    String where = SandboxServer.withoutCredentials(webhook);
    for (int attempt = 1; attempt <= TRIGGER_ATTEMPTS; attempt++) {
      try {
        WebhookDelivery delivery = server.sendFailureEvent(webhook, headers);
        System.out.println("failure event sent to " + where + ": HTTP " + delivery.status() + " " + delivery.body());
        return;
      } catch (IOException e) {
        System.err.println("webhook " + where + " not reachable yet (" + e.getClass().getSimpleName() + "), attempt "
            + attempt + "/" + TRIGGER_ATTEMPTS);
        Thread.sleep(TRIGGER_RETRY_MILLIS);
      }
    }
    System.err.println("gave up sending the failure event to " + where + "; the sandbox keeps running");
  }

  static Options parse(String[] args, Map<String, String> env) {
    SandboxConfig config = SandboxConfig.defaults();
    URI trigger = null;
    Map<String, String> triggerHeaders = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--port" -> config = config.withPort(Integer.parseInt(value(args, ++i, arg)));
        case "--scenario" -> config = config.withScenario(Scenario.fromName(value(args, ++i, arg)));
        case "--idp" -> config = config.withIdp(SandboxIdp.fromName(value(args, ++i, arg)));
        case "--okta-token-auth" -> config = config.withOkta(config.okta().withTokenAuthSupported(true));
        case "--bind" -> config = config.withBindAddress(value(args, ++i, arg));
        case "--events-name-source" -> config = config.withEventsNamingSource(true);
        case "--second-source" -> config = config.withSecondSource(value(args, ++i, arg));
        case "--trigger" -> trigger = URI.create(value(args, ++i, arg));
        case "--trigger-header" -> {
          String header = value(args, ++i, arg);
          int colon = header.indexOf(':');
          if (colon <= 0) {
            throw new IllegalArgumentException("--trigger-header wants 'Name: value'");
          }
          triggerHeaders.put(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
        }
        case "--trigger-bearer-env" -> {
          String variable = value(args, ++i, arg);
          String token = env.get(variable);
          if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("--trigger-bearer-env " + variable + ": that environment variable is "
                + "not set or empty");
          }
          triggerHeaders.put("Authorization", "Bearer " + token.strip());
        }
        case "--help", "-h" -> {
          return new Options(config, trigger, triggerHeaders, true);
        }
        default -> throw new IllegalArgumentException("unknown argument " + arg);
      }
    }
    return new Options(config, trigger, Map.copyOf(triggerHeaders), false);
  }

  private static String value(String[] args, int i, String name) {
    if (i >= args.length) {
      throw new IllegalArgumentException(name + " needs a value");
    }
    return args[i];
  }

  private static void usage() {
    System.err.println("usage: SandboxMain [--port N] [--scenario NAME (see Scenario)] [--idp entra|okta|onelogin|custom]"
        + " [--okta-token-auth]"
        + " [--bind ADDRESS] [--events-name-source] [--second-source ID] [--trigger WEBHOOK_URL"
        + " [--trigger-bearer-env VAR] [--trigger-header 'Name: value']...]");
  }
}
