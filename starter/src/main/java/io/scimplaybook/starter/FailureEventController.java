package io.scimplaybook.starter;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /events/scim-failure}: a SCIM Provisioning / Failed event from the CMA webhook (or anything speaking its
 * JSON). 202 once the event is in Temporal; 4xx with {@code {"error": ...}} and nothing started when the request is
 * wrong; 503 when Temporal cannot take it, so the sender retries. The body is read here, bounded, instead of through
 * a message converter, so that size, type and JSON problems all get the same precise JSON answer.
 */
@RestController
public class FailureEventController {

  private static final Logger log = LoggerFactory.getLogger(FailureEventController.class);

  private final FailureEventParser parser;
  private final PlaybookStarter starter;
  private final long maxBody;

  public FailureEventController(FailureEventParser parser, PlaybookStarter starter, WebhookProperties webhook) {
    this.parser = parser;
    this.starter = starter;
    this.maxBody = webhook.maxBody().toBytes();
  }

  @PostMapping(path = "/events/scim-failure", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Object> receive(HttpServletRequest request) throws IOException {
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
      AcceptedEvent accepted = starter.accept(parser.parse(body));
      return ResponseEntity.status(HttpStatus.ACCEPTED).body(accepted);
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

  private ResponseEntity<Object> tooLarge() {
    return error(HttpStatus.PAYLOAD_TOO_LARGE, "the body is larger than " + maxBody + " bytes");
  }

  private static ResponseEntity<Object> error(HttpStatus status, String message) {
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(new ErrorResponse(message));
  }
}
