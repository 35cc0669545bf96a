package io.scimplaybook.demo.crash;

import io.scimplaybook.sandbox.RequestHook;
import io.scimplaybook.sandbox.SandboxRequest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * Holds the first sandbox request that matches, before the sandbox answers or applies it, until the test has killed
 * the worker that sent it: the kill then lands while that worker's call is in flight, at a known point, without
 * guessing with sleeps. Later matches pass through; every match's body is kept.
 */
final class Tripwire implements RequestHook {
  private final String name;
  private final Predicate<SandboxRequest> matches;
  private final AtomicBoolean tripped = new AtomicBoolean();
  private final CountDownLatch arrived = new CountDownLatch(1);
  private final CountDownLatch released = new CountDownLatch(1);
  private final List<String> bodies = new CopyOnWriteArrayList<>();

  Tripwire(String name, Predicate<SandboxRequest> matches) {
    this.name = name;
    this.matches = matches;
  }

  @Override
  public void received(SandboxRequest request) throws InterruptedException {
    if (!matches.test(request)) {
      return;
    }
    bodies.add(request.body());
    if (tripped.compareAndSet(false, true)) {
      arrived.countDown();
      // Bounded, so a failing test never leaves a sandbox thread parked for good.
      released.await(2, TimeUnit.MINUTES);
    }
  }

  void awaitTripped(long seconds) throws InterruptedException {
    if (!arrived.await(seconds, TimeUnit.SECONDS)) {
      throw new AssertionError("no request for '" + name + "' reached the sandbox within " + seconds + " s");
    }
  }

  /** Lets the held request go on: the sandbox applies it and answers a caller that is gone. */
  void release() {
    released.countDown();
  }

  /** The body of every matching request, held or not; may hold secrets, so compare them, never print them. */
  List<String> bodies() {
    return List.copyOf(bodies);
  }

  @Override
  public String toString() {
    return name;
  }
}
