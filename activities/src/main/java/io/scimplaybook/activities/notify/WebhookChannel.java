package io.scimplaybook.activities.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimplaybook.activities.http.ApiCallException;
import io.scimplaybook.activities.http.ApiCallException.Kind;
import io.scimplaybook.activities.http.Json;
import io.scimplaybook.activities.http.Redaction;
import io.scimplaybook.activities.http.RetryAfter;
import io.scimplaybook.api.notify.Notification;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * POSTs {@code {"text": "...", "scimPlaybook": {...}}}: Slack and Teams incoming webhooks show {@code text} (and
 * ignore the rest), while a tool of one's own reads the structured fields. The URL of a Slack or Teams webhook is
 * itself the credential, so it never appears in a message, a log line or an exception.
 */
public class WebhookChannel implements NotificationChannel {
  public static final String NAME = "webhook";
  static final String API = "notification webhook";
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  private static final int MAX_MESSAGE = 200;

  private final HttpUrl url;
  private final OkHttpClient http;
  private final Clock clock;

  public WebhookChannel(String url, Duration timeout) {
    this(url, new OkHttpClient.Builder().callTimeout(timeout).connectTimeout(timeout).readTimeout(timeout).build(),
        Clock.systemUTC());
  }

  public WebhookChannel(String url, OkHttpClient http, Clock clock) {
    HttpUrl parsed = url == null ? null : HttpUrl.parse(url.strip());
    if (parsed == null) {
      // Not echoed: a malformed Slack URL is still mostly the secret.
      throw new IllegalArgumentException("scim-playbook.notify.webhook.url is not an http(s) URL");
    }
    this.url = parsed;
    // A redirect would send the notification, and its idempotency key, somewhere nobody configured.
    this.http = http.newBuilder().followRedirects(false).followSslRedirects(false).build();
    this.clock = clock;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void send(Notification n, NotificationText text) {
    Request request = new Request.Builder()
        .url(url)
        .header("Idempotency-Key", n.idempotencyKey())
        .post(RequestBody.create(body(n, text), JSON))
        .build();
    try (Response response = http.newCall(request).execute()) {
      if (response.isSuccessful()) {
        return;
      }
      int status = response.code();
      Duration retryAfter = status == 429 ? RetryAfter.parse(response.header("Retry-After"), clock) : null;
      throw new ApiCallException(API, status, ApiCallException.kindOf(status),
          "answered HTTP " + status + detail(response.body()), retryAfter, null);
    } catch (IOException e) {
      // OkHttp names the host in some messages; the path, where Slack keeps the secret, is removed in any case.
      throw new ApiCallException(API, 0, Kind.UNAVAILABLE,
          "could not be reached (" + e.getClass().getSimpleName() + ": " + redact(e.getMessage()) + ")");
    }
  }

  static String body(Notification n, NotificationText text) {
    ObjectNode root = Json.mapper().createObjectNode();
    root.put("text", text.body());
    ObjectNode fields = root.putObject("scimPlaybook");
    fields.put("kind", n.kind().name());
    fields.put("idempotencyKey", n.idempotencyKey());
    fields.put("workflowId", n.workflowId());
    fields.put("accountId", n.accountId());
    fields.put("sourceId", n.sourceId());
    fields.put("sourceName", n.sourceName());
    fields.put("idp", n.idp());
    fields.put("taskId", n.taskId());
    fields.put("taskKind", n.taskKind() == null ? null : n.taskKind().name());
    fields.put("title", n.title());
    fields.put("whatToDo", n.whatToDo());
    fields.putPOJO("commands", n.commands() == null ? List.of() : n.commands());
    fields.put("reason", n.reason());
    fields.put("link", text.link());
    try {
      return Json.mapper().writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("could not write the notification as JSON", e);
    }
  }

  /** Slack answers a refusal with a word or two ("invalid_payload", "no_service"): worth showing, shortened. */
  private String detail(ResponseBody body) throws IOException {
    String text = body == null ? "" : body.string().strip();
    return text.isEmpty() ? "" : ": " + Redaction.shorten(redact(text), MAX_MESSAGE);
  }

  private String redact(String text) {
    String path = url.encodedPath();
    // A bare "/" is no secret, and removing it would garble every message.
    return Redaction.redact(text, url.toString(), path.length() > 1 ? path : null, url.encodedQuery());
  }
}
