package io.scimplaybook.starter.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Sends webhook requests over real HTTP to a starter on a loopback port, authenticated the ways a sender may be. */
public final class WebhookHttp {

  private final HttpClient http;
  private final URI uri;

  public WebhookHttp(HttpClient http, int port) {
    this.http = http;
    this.uri = URI.create("http://127.0.0.1:" + port + "/events/scim-failure");
  }

  HttpRequest.Builder json() {
    return HttpRequest.newBuilder(uri).header("Content-Type", "application/json");
  }

  HttpResponse<String> send(HttpRequest.Builder request, String body) throws Exception {
    return http.send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> postBearer(String token, String body) throws Exception {
    return send(json().header("Authorization", "Bearer " + token), body);
  }

  public HttpResponse<String> postSigned(String key, Instant at, String body) throws Exception {
    String timestamp = Long.toString(at.getEpochSecond());
    return send(json().header(WebhookAuthenticator.TIMESTAMP_HEADER, timestamp)
        .header(WebhookAuthenticator.SIGNATURE_HEADER, "sha256=" + sign(key, timestamp, body)), body);
  }

  /** HMAC-SHA256 over {@code <timestamp>.<body>}, as a sender computes it. */
  static String sign(String key, String timestamp, String body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
  }
}
