package io.scimplaybook.worker;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A vendor that enforces "at most {@code limit} requests in any window of {@code windowMillis}" the way Cato and Graph
 * do, at its own door: a request over the limit gets a 429 with a Retry-After. It can also refuse its first request
 * with a 429, as a vendor does when someone else spent the quota.
 */
final class CountingVendor implements AutoCloseable {
  private final MockWebServer server = new MockWebServer();
  private final int limit;
  private final long windowMillis;
  private final List<Long> accepted = new ArrayList<>();
  private final List<Long> refused = new ArrayList<>();
  private final AtomicInteger refuseFirst = new AtomicInteger();
  private volatile String retryAfterSeconds = "1";

  CountingVendor(int limit, long windowMillis) throws IOException {
    this.limit = limit;
    this.windowMillis = windowMillis;
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return answer();
      }
    });
    server.start();
  }

  String url() {
    return server.url("/api/v1/graphql2").toString();
  }

  /** The next {@code count} requests are refused with a 429 naming {@code retryAfterSeconds}. */
  void refuseNext(int count, String retryAfterSeconds) {
    this.retryAfterSeconds = retryAfterSeconds;
    refuseFirst.set(count);
  }

  private synchronized MockResponse answer() {
    long now = System.nanoTime() / 1_000_000;
    if (refuseFirst.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      refused.add(now);
      return new MockResponse().setResponseCode(429).setHeader("Retry-After", retryAfterSeconds);
    }
    long inWindow = accepted.stream().filter(at -> at > now - windowMillis).count();
    if (inWindow >= limit) {
      refused.add(now);
      return new MockResponse().setResponseCode(429).setHeader("Retry-After", retryAfterSeconds);
    }
    accepted.add(now);
    return new MockResponse().setHeader("Content-Type", "application/json").setBody("{\"data\":{}}");
  }

  /** Forgets what it saw (a warm-up's requests). */
  synchronized void forget() {
    accepted.clear();
    refused.clear();
  }

  synchronized List<Long> accepted() {
    return List.copyOf(accepted);
  }

  synchronized List<Long> refused() {
    return List.copyOf(refused);
  }

  /** The most requests it accepted in any window of its length. */
  synchronized int busiestWindow() {
    int most = 0;
    for (int i = 0; i < accepted.size(); i++) {
      int count = 0;
      for (int j = i; j < accepted.size() && accepted.get(j) - accepted.get(i) < windowMillis; j++) {
        count++;
      }
      most = Math.max(most, count);
    }
    return most;
  }

  @Override
  public void close() throws IOException {
    server.shutdown();
  }
}
