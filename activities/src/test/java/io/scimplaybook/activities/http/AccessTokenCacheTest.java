package io.scimplaybook.activities.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scimplaybook.activities.entra.MutableClock;
import io.scimplaybook.activities.http.AccessTokenCache.Lease;
import io.scimplaybook.activities.http.AccessTokenCache.Token;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class AccessTokenCacheTest {
  private static final Duration MARGIN = Duration.ofMinutes(2);

  private final MutableClock clock = new MutableClock(Instant.parse("2025-05-01T10:00:00Z"));
  private final AtomicInteger fetches = new AtomicInteger();
  /** Each fetch hands out a new token valid for an hour, like a token endpoint. */
  private final Supplier<Token> endpoint =
      () -> Token.expiringIn("token-" + fetches.incrementAndGet(), clock.instant(), 3600, MARGIN);

  @Test
  void theFirstLeaseIsFreshAndLaterOnesReuseTheCachedToken() {
    AccessTokenCache cache = new AccessTokenCache(endpoint, clock);

    assertThat(cache.lease()).isEqualTo(new Lease("token-1", true));
    clock.advance(Duration.ofMinutes(30));
    assertThat(cache.lease()).isEqualTo(new Lease("token-1", false));
    assertThat(fetches).hasValue(1);
  }

  @Test
  void aTokenIsRefreshedAtTheMarginBeforeItExpires() {
    AccessTokenCache cache = new AccessTokenCache(endpoint, clock);
    cache.lease();

    clock.advance(Duration.ofHours(1).minus(MARGIN).minusSeconds(1));
    assertThat(cache.lease()).isEqualTo(new Lease("token-1", false));
    clock.advance(Duration.ofSeconds(1));
    assertThat(cache.lease()).isEqualTo(new Lease("token-2", true));
  }

  @Test
  void aShortLivedTokenIsRefreshedHalfwayAndOneWithoutLifetimeIsUsedOnce() {
    Instant now = clock.instant();

    assertThat(Token.expiringIn("t", now, 60, MARGIN).refreshAt()).isEqualTo(now.plusSeconds(30));
    assertThat(Token.expiringIn("t", now, 3600, MARGIN).refreshAt()).isEqualTo(now.plusSeconds(3600 - 120));
    Supplier<Token> noLifetime = () -> Token.expiringIn("t" + fetches.incrementAndGet(), clock.instant(), 0, MARGIN);
    AccessTokenCache cache = new AccessTokenCache(noLifetime, clock);
    assertThat(cache.lease()).isEqualTo(new Lease("t1", true));
    assertThat(cache.lease()).isEqualTo(new Lease("t2", true));
  }

  @Test
  void invalidatingTheRefusedTokenFetchesAnotherButKeepsANewerOne() {
    AccessTokenCache cache = new AccessTokenCache(endpoint, clock);
    Lease refused = cache.lease();

    cache.invalidate(refused.token());
    Lease newer = cache.lease();
    assertThat(newer).isEqualTo(new Lease("token-2", true));

    // a second thread that was refused token-1 too reports it late: token-2 must survive
    cache.invalidate(refused.token());
    assertThat(cache.lease()).isEqualTo(new Lease("token-2", false));
  }

  @Test
  void aFailedFetchReachesTheCallerAndTheNextLeaseTriesAgain() {
    AtomicInteger calls = new AtomicInteger();
    AccessTokenCache cache = new AccessTokenCache(() -> {
      if (calls.incrementAndGet() == 1) {
        throw new ApiCallException("test token endpoint", 503, ApiCallException.Kind.UNAVAILABLE, "down");
      }
      return endpoint.get();
    }, clock);

    assertThatThrownBy(cache::lease).isInstanceOf(ApiCallException.class).hasMessageContaining("down");
    assertThat(cache.lease()).isEqualTo(new Lease("token-1", true));
  }

  @Test
  void concurrentLeasesOnAnEmptyCacheShareOneFetch() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AccessTokenCache cache = new AccessTokenCache(() -> {
      try {
        assertThat(release.await(10, TimeUnit.SECONDS)).isTrue();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return endpoint.get();
    }, clock);
    ConcurrentLinkedQueue<Lease> leases = new ConcurrentLinkedQueue<>();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Thread thread = new Thread(() -> leases.add(cache.lease()));
      threads.add(thread);
      thread.start();
    }
    // one thread is inside the fetch, the other three wait for the lock: only then let the fetch finish
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (threads.stream().filter(t -> t.getState() == Thread.State.BLOCKED).count() < 3
        && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    release.countDown();
    for (Thread thread : threads) {
      thread.join(10_000);
    }

    assertThat(fetches).hasValue(1);
    assertThat(leases).hasSize(4).allMatch(lease -> lease.token().equals("token-1"));
    assertThat(leases).filteredOn(Lease::fresh).hasSize(1);
  }

  @Test
  void toStringNeverShowsATokenValue() {
    AccessTokenCache cache =
        new AccessTokenCache(() -> Token.expiringIn("s3cr3t", clock.instant(), 3600, MARGIN), clock);
    Lease lease = cache.lease();

    assertThat(lease.toString()).doesNotContain("s3cr3t").contains("fresh=true");
    assertThat(Token.expiringIn("s3cr3t", clock.instant(), 3600, MARGIN).toString()).doesNotContain("s3cr3t");
    assertThat(cache.toString()).doesNotContain("s3cr3t");
  }
}
