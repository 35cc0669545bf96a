package io.scimplaybook.starter;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /events/scim-failure}: a SCIM Provisioning / Failed event from the CMA webhook (or anything speaking its
 * JSON). 202 once the event is in Temporal, or 202 {@code {"ignored": ...}} for another Cato event; 401 without a
 * valid credential and 4xx with {@code {"error": ...}} when the request is wrong, nothing started either way; 503
 * when Temporal cannot take it, so the sender retries. The body is read here, bounded, instead of through
 * a message converter, so that size, type and JSON problems all get the same precise JSON answer.
 */
@RestController
public class FailureEventController {

  private static final Logger log = LoggerFactory.getLogger(FailureEventController.class);

  private final FailureEventParser parser;
  private final PlaybookStarter starter;
  private final WebhookAuthenticator authenticator;
  private final long maxBody;

  public FailureEventController(FailureEventParser parser, PlaybookStarter starter, WebhookAuthenticator authenticator,
      WebhookProperties webhook) {
    this.parser = parser;
    this.starter = starter;
    this.authenticator = authenticator;
    this.maxBody = webhook.maxBody().toBytes();
    if (!authenticator.required()) {
      log.warn("the failure-event webhook accepts UNAUTHENTICATED requests (scim-playbook.webhook.allow-unauthenticated"
          + "=true): anyone who reaches it can start playbook runs; configure a bearer token or HMAC key outside a demo");
    }
  }

  @PostMapping(path = "/events/scim-failure", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Object> receive(HttpServletRequest request) throws IOException {
    boolean signed;
    try {
      // First, so that a caller without credentials learns nothing about what the endpoint would accept.
      signed = authenticator.checkHeaders(request);
    } catch (WebhookAuthenticationException e) {
      return unauthorized(request, e);
    }
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
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new IgnoredEvent(ignored.reason()));
      }
      AcceptedEvent accepted = starter.accept(((ParsedEvent.Failure) parsed).event());
      return ResponseEntity.status(HttpStatus.ACCEPTED).body(accepted);
    } catch (WebhookAuthenticationException e) {
      return unauthorized(request, e);
    } catch (InvalidEventException e) {
      return error(HttpStatus.BAD_REQUEST, e.getMessage());
    } catch (TemporalUnavailableException e) {
      return error(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
    } catch (RuntimeException e) {
      log.error("failure event could not be handed to Temporal", e);
      return error(HttpStatus.INTERNAL_SERVER_ERROR,
          "Temporal refused the event (" + e.getClass().getSimpleName() + "); it was not accepted, see the starter log");
    }
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

  private ResponseEntity<Object> unauthorized(HttpServletRequest request, WebhookAuthenticationException e) {
    // The reason never holds a secret; the address lets an operator find a misconfigured sender.
    log.warn("failure event refused (401) from {}: {}", request.getRemoteAddr(), e.getMessage());
    ResponseEntity.BodyBuilder response = ResponseEntity.status(HttpStatus.UNAUTHORIZED).contentType(MediaType.APPLICATION_JSON);
    if (authenticator.challenge() != null) {
      response.header(HttpHeaders.WWW_AUTHENTICATE, authenticator.challenge());
    }
    return response.body(new ErrorResponse(e.getMessage()));
  }

  private ResponseEntity<Object> tooLarge() {
    return error(HttpStatus.PAYLOAD_TOO_LARGE, "the body is larger than " + maxBody + " bytes");
  }

  private static ResponseEntity<Object> error(HttpStatus status, String message) {
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(new ErrorResponse(message));
  }
}
