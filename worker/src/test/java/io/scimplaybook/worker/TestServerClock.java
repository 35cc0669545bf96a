package io.scimplaybook.worker;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.LongSupplier;

/**
 * The test server's time, which jumps ahead when it skips: the sandbox reads it so that skipped time passes for its
 * job schedule too.
 */
final class TestServerClock extends Clock {
  private final LongSupplier millis;

  TestServerClock(LongSupplier millis) {
    this.millis = millis;
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(millis.getAsLong());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("the sandbox reads UTC instants only");
  }
}
