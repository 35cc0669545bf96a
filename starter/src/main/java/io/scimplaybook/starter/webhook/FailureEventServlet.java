package io.scimplaybook.starter.webhook;

import com.fasterxml.jackson.databind.ObjectWriter;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.ServerHttpObservationFilter;

/**
 * {@code POST /events/scim-failure}: a SCIM Provisioning / Failed event from the CMA webhook (or anything speaking its
 * JSON). 202 once the event is in Temporal, or 202 {@code {"ignored": ...}} for another Cato event; 401 without a
 * valid credential and 4xx with {@code {"error": ...}} when the request is wrong, nothing started either way; 503
 * when Temporal cannot take it, so the sender retries; 408 when the body does not arrive within body-timeout. The
 * body is read here, bounded and without blocking, instead of through a message converter, so that size, type and
 * JSON problems all get the same precise JSON answer and slow senders hold no thread.
 *
 * <p>A plain servlet rather than a Spring MVC controller: the endpoint has one path, one method and one answer type,
 * and MVC's handler lookup, content negotiation and per-request events cost more CPU than everything here except
 * the signal-with-start call itself (measured by WebhookBenchmark). The answer is always JSON, whatever
 * {@code Accept} says, which is what a webhook sender reads.
 */
final class FailureEventServlet extends HttpServlet {

  static final String PATH = "/events/scim-failure";

  private static final Logger log = LoggerFactory.getLogger(FailureEventServlet.class);

  private final transient FailureEventParser parser;
  private final transient PlaybookStarter starter;
  private final transient WebhookAuthenticator authenticator;
  private final transient ObjectWriter json;
  private final transient WebhookMetrics metrics;
  private final long maxBody;
  private final long bodyTimeoutMillis;

  FailureEventServlet(FailureEventParser parser, PlaybookStarter starter, WebhookAuthenticator authenticator,
      WebhookProperties webhook, ObjectWriter json, WebhookMetrics metrics) {
    this.parser = parser;
    this.metrics = metrics;
    this.starter = starter;
    this.authenticator = authenticator;
    this.json = json;
    this.maxBody = webhook.maxBody().toBytes();
    this.bodyTimeoutMillis = webhook.bodyTimeout().toMillis();
    if (!authenticator.required()) {
      log.warn("the failure-event webhook accepts UNAUTHENTICATED requests (scim-playbook.webhook.allow-unauthenticated"
          + "=true): anyone who reaches it can start playbook runs; configure a bearer token or HMAC key outside a demo");
    }
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
    // Without a handler mapping nothing names the route for the http.server.requests metric; name it here.
    ServerHttpObservationFilter.findObservationContext(request).ifPresent(context -> context.setPathPattern(PATH));
    boolean signed;
    try {
      // First, so that a caller without credentials learns nothing about what the endpoint would accept.
      signed = authenticator.checkHeaders(request);
    } catch (WebhookAuthenticationException e) {
      write(response, unauthorized(request, e));
      return;
    }
    Answer refused = refusedOnHeaders(request);
    if (refused != null) {
      write(response, refused);
      return;
    }
    // Past the headers, the body is read without blocking: a request thread only works when bytes have arrived, so
    // senders that trickle (or stall) cannot occupy every thread and delay the others.
    AsyncContext async = request.startAsync();
    async.setTimeout(bodyTimeoutMillis);
    BodyReader reader = new BodyReader(request, async, signed);
    async.addListener(reader);
    request.getInputStream().setReadListener(reader);
  }

  /** What the headers alone refuse (type, declared size), before a byte of the body is read; null when nothing. */
  private Answer refusedOnHeaders(HttpServletRequest request) {
    String contentType = request.getContentType();
    if (!isJson(contentType)) {
      return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type must be application/json, got "
          + (contentType == null ? "none" : "'" + contentType + "'"));
    }
    return request.getContentLengthLong() > maxBody ? tooLarge() : null;
  }

  private Answer receive(HttpServletRequest request, byte[] body, boolean signed) {
    try {
      if (signed) {
        authenticator.checkSignature(request, body);
      }
      ParsedEvent parsed = parser.parse(body);
      if (parsed instanceof ParsedEvent.Ignored ignored) {
        return new Answer(HttpStatus.ACCEPTED, new IgnoredEvent(ignored.reason()), null);
      }
      return new Answer(HttpStatus.ACCEPTED, starter.accept(((ParsedEvent.Failure) parsed).event()), null);
    } catch (WebhookAuthenticationException e) {
      return unauthorized(request, e);
    } catch (InvalidEventException e) {
      return error(HttpStatus.BAD_REQUEST, e.getMessage());
    } catch (TemporalUnavailableException e) {
      return error(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
    } catch (QueueFullException e) {
      // Nothing of the event was sent; the sender keeps it and tries again after the pause.
      return new Answer(HttpStatus.TOO_MANY_REQUESTS, new ErrorResponse(e.getMessage()), null,
          Long.toString(e.retryAfterSeconds()));
    } catch (RuntimeException e) {
      log.error("failure event could not be handed to Temporal", e);
      return error(HttpStatus.INTERNAL_SERVER_ERROR,
          "Temporal refused the event (" + e.getClass().getSimpleName() + "); it was not accepted, see the starter log");
    }
  }

  /** Collects the body as it arrives, bounded by max-body, then answers once; a timeout or a broken read answers too. */
  private final class BodyReader implements ReadListener, AsyncListener {
    private final HttpServletRequest request;
    private final AsyncContext async;
    private final boolean signed;
    private final ServletInputStream in;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private final byte[] chunk = new byte[8192];
    private final AtomicBoolean answered = new AtomicBoolean();

    BodyReader(HttpServletRequest request, AsyncContext async, boolean signed) throws IOException {
      this.request = request;
      this.async = async;
      this.signed = signed;
      this.in = request.getInputStream();
    }

    @Override
    public void onDataAvailable() throws IOException {
      while (in.isReady() && !answered.get()) {
        int n = in.read(chunk);
        if (n < 0) {
          return;
        }
        body.write(chunk, 0, n);
        // Counted as it arrives: a chunked body without Content-Length is refused as soon as it passes the limit.
        if (body.size() > maxBody) {
          answer(tooLarge());
          return;
        }
      }
    }

    @Override
    public void onAllDataRead() {
      if (!answered.get()) {
        answer(receive(request, body.toByteArray(), signed));
      }
    }

    @Override
    public void onError(Throwable t) {
      // The sender went away or broke the framing mid-body; nothing was started.
      answer(error(HttpStatus.BAD_REQUEST, "the body could not be read (" + t.getClass().getSimpleName() + ")"));
    }

    @Override
    public void onTimeout(AsyncEvent event) {
      answer(error(HttpStatus.REQUEST_TIMEOUT, "the body did not arrive within " + bodyTimeoutMillis + " ms of the "
          + "headers; nothing was started, send it again"));
    }

    @Override
    public void onError(AsyncEvent event) {
      onError(event.getThrowable());
    }

    @Override
    public void onComplete(AsyncEvent event) {}

    @Override
    public void onStartAsync(AsyncEvent event) {}

    private void answer(Answer answer) {
      if (!answered.compareAndSet(false, true)) {
        return;
      }
      try {
        HttpServletResponse response = (HttpServletResponse) async.getResponse();
        if (answer.status() == HttpStatus.PAYLOAD_TOO_LARGE || answer.status() == HttpStatus.REQUEST_TIMEOUT) {
          // The rest of the body would have to be read to keep the connection; closing it is cheaper and safer.
          response.setHeader(HttpHeaders.CONNECTION, "close");
        }
        write(response, answer);
      } catch (IOException | RuntimeException e) {
        log.debug("could not write the webhook answer: {}", e.toString());
      } finally {
        async.complete();
      }
    }
  }

  private void write(HttpServletResponse response, Answer answer) throws IOException {
    // Counted before the bytes go out: a sender that hung up still got this answer decided for it.
    metrics.answered(answer.status().value(), answer.body() instanceof IgnoredEvent ? WebhookMetrics.Result.IGNORED
        : answer.status().is2xxSuccessful() ? WebhookMetrics.Result.DELIVERED : WebhookMetrics.Result.REFUSED);
    byte[] bytes = json.writeValueAsBytes(answer.body());
    response.setStatus(answer.status().value());
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    if (answer.challenge() != null) {
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, answer.challenge());
    }
    if (answer.retryAfter() != null) {
      response.setHeader(HttpHeaders.RETRY_AFTER, answer.retryAfter());
    }
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }

  private static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    try {
      MediaType type = MediaType.parseMediaType(contentType);
      return "application".equals(type.getType())
          && ("json".equals(type.getSubtype()) || type.getSubtype().endsWith("+json"));
    } catch (InvalidMediaTypeException e) {
      return false;
    }
  }

  private Answer unauthorized(HttpServletRequest request, WebhookAuthenticationException e) {
    // The reason never holds a secret; the address lets an operator find a misconfigured sender.
    log.warn("failure event refused (401) from {}: {}", request.getRemoteAddr(), e.getMessage());
    return new Answer(HttpStatus.UNAUTHORIZED, new ErrorResponse(e.getMessage()), authenticator.challenge());
  }

  private Answer tooLarge() {
    return error(HttpStatus.PAYLOAD_TOO_LARGE, "the body is larger than " + maxBody + " bytes");
  }

  private static Answer error(HttpStatus status, String message) {
    return new Answer(status, new ErrorResponse(message), null);
  }

  /** What the webhook answers: status, JSON body and, for a 401, the challenge; for a 429, when to send again. */
  private record Answer(HttpStatus status, Object body, String challenge, String retryAfter) {
    Answer(HttpStatus status, Object body, String challenge) {
      this(status, body, challenge, null);
    }
  }
}
