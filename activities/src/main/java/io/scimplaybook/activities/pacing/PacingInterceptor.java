package io.scimplaybook.activities.pacing;

import io.scimplaybook.activities.http.RetryAfter;
import io.scimplaybook.api.pacing.PaceKey;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import okio.AsyncTimeout;
import okio.Timeout;

/**
 * Paces every request that carries a {@link PaceKey} tag (set by the vendor clients: Cato's transport, Graph's client)
 * and reports what the vendor says about its limit: a 429 pauses the key for its Retry-After (or the limit's whole
 * window when it names none), and so does a Cato answer whose GraphQL errors say "rate limit" (Cato answers those with
 * HTTP 200). Untagged requests, and keys whose limit is not configured, pass straight through.
 *
 * <p>The wait for a slot does not count against the client's call timeout, which bounds the exchange with the vendor:
 * OkHttp starts that timeout before the interceptors run, so it is suspended while the caller waits and started afresh
 * when the request goes out.
 */
public final class PacingInterceptor implements Interceptor {
  /** Enough of a Cato body to find its {@code errors}; Cato puts them first in an error answer. */
  private static final long PEEK_BYTES = 16 * 1024;

  private final Pacer pacer;
  private final PaceLimitTable limits;
  private final Clock clock;

  public PacingInterceptor(Pacer pacer, PaceLimitTable limits, Clock clock) {
    this.pacer = pacer;
    this.limits = limits;
    this.clock = clock;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    PaceKey key = request.tag(PaceKey.class);
    Optional<PaceLimit> limit = key == null ? Optional.empty() : limits.limitFor(key);
    if (limit.isEmpty()) {
      return chain.proceed(request);
    }
    awaitTurn(chain.call().timeout(), key, limit.get());
    Response response = chain.proceed(request);
    Duration pause = pauseFor(key, limit.get(), response);
    if (pause != null) {
      pacer.pause(key, pause, reason(response, pause));
    }
    return response;
  }

  private void awaitTurn(Timeout callTimeout, PaceKey key, PaceLimit limit) throws InterruptedIOException {
    AsyncTimeout suspended = callTimeout instanceof AsyncTimeout running ? running : null;
    if (suspended != null) {
      suspended.exit();
    }
    try {
      pacer.awaitTurn(key, limit);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      InterruptedIOException interrupted = new InterruptedIOException("interrupted while waiting for a " + key
          + " slot");
      interrupted.initCause(e);
      throw interrupted;
    } finally {
      if (suspended != null) {
        suspended.enter();
      }
    }
  }

  /** How long the vendor asked every caller of the key to hold off, or null when it did not. */
  Duration pauseFor(PaceKey key, PaceLimit limit, Response response) throws IOException {
    if (response.code() == 429) {
      Duration retryAfter = RetryAfter.parse(response.header("Retry-After"), clock);
      return retryAfter == null || retryAfter.isZero() ? limit.per() : retryAfter;
    }
    if (PaceKey.CATO.equals(key.vendor()) && response.isSuccessful() && catoRateLimited(response)) {
      return limit.per();
    }
    return null;
  }

  private static boolean catoRateLimited(Response response) throws IOException {
    String head = response.peekBody(PEEK_BYTES).string().toLowerCase(Locale.ROOT);
    return head.contains("\"errors\"") && (head.contains("rate limit") || head.contains("too many requests"));
  }

  /** Status and the wait only: a vendor's body can quote request details and never goes into the limiter's history. */
  private static String reason(Response response, Duration pause) {
    return "HTTP " + response.code() + (response.header("Retry-After") != null ? ", Retry-After " : ", for ")
        + pause.toMillis() + " ms";
  }
}
