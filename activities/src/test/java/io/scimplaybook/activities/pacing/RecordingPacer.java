package io.scimplaybook.activities.pacing;

import io.scimplaybook.api.pacing.PaceKey;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Lets every call go at once and remembers what it was asked: which key each request counted against, and pauses. */
public final class RecordingPacer implements Pacer {
  public record Pause(PaceKey key, Duration duration, String reason) {}

  public final List<PaceKey> turns = new CopyOnWriteArrayList<>();
  public final List<Pause> pauses = new CopyOnWriteArrayList<>();

  /** An OkHttp interceptor on the documented limits, reporting to this pacer. */
  public PacingInterceptor interceptor() {
    return new PacingInterceptor(this, PaceLimitTable.documented(Duration.ZERO), Clock.systemUTC());
  }

  @Override
  public void awaitTurn(PaceKey key, PaceLimit limit) {
    turns.add(key);
  }

  @Override
  public void pause(PaceKey key, Duration wait, String reason) {
    pauses.add(new Pause(key, wait, reason));
  }
}
