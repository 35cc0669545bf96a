package io.scimplaybook.starter.webhook;

import com.fasterxml.jackson.databind.ObjectWriter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
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
 * when Temporal cannot take it, so the sender retries. The body is read here, bounded, instead of through
 * a message converter, so that size, type and JSON problems all get the same precise JSON answer.
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
  private final long maxBody;

  FailureEventServlet(FailureEventParser parser, PlaybookStarter starter, WebhookAuthenticator authenticator,
      WebhookProperties webhook, ObjectWriter json) {
    this.parser = parser;
    this.starter = starter;
    this.authenticator = authenticator;
    this.json = json;
    this.maxBody = webhook.maxBody().toBytes();
    if (!authenticator.required()) {
      log.warn("the failure-event webhook accepts UNAUTHENTICATED requests (scim-playbook.webhook.allow-unauthenticated"
          + "=true): anyone who reaches it can start playbook runs; configure a bearer token or HMAC key outside a demo");
    }
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
    // Without a handler mapping nothing names the route for the http.server.requests metric; name it here.
    ServerHttpObservationFilter.findObservationContext(request).ifPresent(context -> context.setPathPattern(PATH));
    Answer answer;
    try {
      answer = receive(request);
    } catch (WebhookAuthenticationException e) {
      answer = unauthorized(request, e);
    }
    write(response, answer);
  }

  private Answer receive(HttpServletRequest request) throws IOException {
    // First, so that a caller without credentials learns nothing about what the endpoint would accept.
    boolean signed = authenticator.checkHeaders(request);
    String contentType = request.getContentType();
    if (!isJson(contentType)) {
      return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type must be application/json, got "
          + (contentType == null ? "none" : "'" + contentType + "'"));
    }
    if (request.getContentLengthLong() > maxBody) {
      return tooLarge();
    }
    byte[] body;
    try (InputStream in = request.getInputStream()) {
      // One byte past the limit tells a chunked body without Content-Length that is too large from one that fits.
      body = in.readNBytes((int) maxBody + 1);
    }
    if (body.length > maxBody) {
      return tooLarge();
    }
    try {
      if (signed) {
        authenticator.checkSignature(request, body);
      }
      ParsedEvent parsed = parser.parse(body);
      if (parsed instanceof ParsedEvent.Ignored ignored) {
        return new Answer(HttpStatus.ACCEPTED, new IgnoredEvent(ignored.reason()), null);
      }
      return new Answer(HttpStatus.ACCEPTED, starter.accept(((ParsedEvent.Failure) parsed).event()), null);
    } catch (InvalidEventException e) {
      return error(HttpStatus.BAD_REQUEST, e.getMessage());
    } catch (TemporalUnavailableException e) {
      return error(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
    } catch (WebhookAuthenticationException e) {
      throw e;
    } catch (RuntimeException e) {
      log.error("failure event could not be handed to Temporal", e);
      return error(HttpStatus.INTERNAL_SERVER_ERROR,
          "Temporal refused the event (" + e.getClass().getSimpleName() + "); it was not accepted, see the starter log");
    }
  }

  private void write(HttpServletResponse response, Answer answer) throws IOException {
    byte[] bytes = json.writeValueAsBytes(answer.body());
    response.setStatus(answer.status().value());
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    if (answer.challenge() != null) {
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, answer.challenge());
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

  /** What the webhook answers: status, JSON body and, for a 401, the challenge. */
  private record Answer(HttpStatus status, Object body, String challenge) {}
}
