package io.scimplaybook.activities.okta;

import java.time.Duration;

/**
 * How long provision-now follows a push: {@code polls} looks at the System Log and the app user, {@code interval}
 * apart. The default stays well inside the provision activity's 60 s start-to-close ({@code ActivityPolicies.idpCall}).
 *
 * @param pause how to wait between looks; tests pass one that returns at once
 */
public record PushPolling(Duration interval, int polls, Pause pause) {
  public static final PushPolling DEFAULT = new PushPolling(Duration.ofSeconds(4), 10, Pause.SLEEP);

  /** Waiting between looks, replaceable so tests do not sleep. */
  @FunctionalInterface
  public interface Pause {
    Pause SLEEP = duration -> Thread.sleep(duration.toMillis());

    void pause(Duration duration) throws InterruptedException;
  }

  public PushPolling {
    interval = interval == null || interval.isNegative() ? Duration.ofSeconds(4) : interval;
    polls = polls < 1 ? 1 : polls;
    pause = pause == null ? Pause.SLEEP : pause;
  }
}
