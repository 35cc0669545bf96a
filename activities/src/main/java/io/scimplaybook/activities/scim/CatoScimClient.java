package io.scimplaybook.activities.scim;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimplaybook.activities.http.ApiCallException;
import io.scimplaybook.activities.http.ApiCallException.Kind;
import io.scimplaybook.activities.http.Json;
import io.scimplaybook.activities.http.Redaction;
import io.scimplaybook.activities.http.RetryAfter;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks Cato's SCIM service whether a token works, the way the IdP will use it. No API generates or lists tokens, so a
 * one-user read is the cheapest call that exercises the token against the right account and source.
 */
public class CatoScimClient {
  public static final String DEFAULT_BASE_URL = "https://scimservice.catonetworks.com:4443/scim/v2";
  static final String API = "Cato SCIM";
  private static final Logger log = LoggerFactory.getLogger(CatoScimClient.class);
  private static final int MAX_MESSAGE = 500;

  private final OkHttpClient http;
  private final Clock clock;

  public CatoScimClient() {
    this(Duration.ofSeconds(30));
  }

  public CatoScimClient(Duration timeout) {
    this(new OkHttpClient.Builder().callTimeout(timeout).connectTimeout(timeout).readTimeout(timeout).build(),
        Clock.systemUTC());
  }

  public CatoScimClient(OkHttpClient http, Clock clock) {
    // A redirect would carry the token to wherever it points; Cato's SCIM service has no reason to redirect.
    this.http = http.newBuilder().followRedirects(false).followSslRedirects(false).build();
    this.clock = clock;
  }

  /** The tenant URL an admin pastes into the IdP: {@code {scimBaseUrl}/{accountId}/{sourceId}}. */
  public static String tenantUrl(String scimBaseUrl, String accountId, String sourceId) {
    return sourceUrl(scimBaseUrl, accountId, sourceId).toString();
  }

  /**
   * {@code GET {scimBaseUrl}/{accountId}/{sourceId}/Users?count=1} with the token. 401/403 are the answer "refused";
   * 404 means the account or source in the URL is wrong, which no token can fix.
   *
   * @param scimBaseUrl null or blank for {@value #DEFAULT_BASE_URL}
   */
  public ScimTokenCheck tokenAccepted(String scimBaseUrl, String accountId, String sourceId, String token) {
    if (token == null || token.isBlank()) {
      throw new ApiCallException(API, 0, Kind.INVALID_REQUEST, "no token to check");
    }
    HttpUrl url = sourceUrl(scimBaseUrl, accountId, sourceId).newBuilder()
        .addPathSegment("Users")
        .addQueryParameter("count", "1")
        .build();
    Request request =
        new Request.Builder()
            .url(url)
            .get()
            .header("Authorization", "Bearer " + token.strip())
            .header("Accept", "application/scim+json, application/json")
            .build();
    try (Response response = http.newCall(request).execute()) {
      ResponseBody body = response.body();
      String text = body == null ? "" : body.string();
      int status = response.code();
      log.debug("GET {} -> {}", url.encodedPath(), status);
      if (status >= 200 && status < 300) {
        if (!isJsonObject(text)) {
          // A captive proxy or a cut answer can say 200 too; the token is judged by Cato's SCIM answer only.
          throw new ApiCallException(API, status, Kind.UNAVAILABLE,
              "GET " + url.encodedPath() + " returned " + status + " with a body that is not SCIM JSON");
        }
        return new ScimTokenCheck(true, status, null, null);
      }
      ScimError error = ScimError.parse(text);
      String detail = error.detail() == null ? null : Redaction.shorten(Redaction.redact(error.detail(), token), MAX_MESSAGE);
      if (status == 401 || status == 403) {
        return new ScimTokenCheck(false, status, error.scimType(), detail);
      }
      String message =
          "GET " + url.encodedPath() + " returned " + status
              + (error.scimType() == null ? "" : " " + error.scimType())
              + (detail == null ? "" : ": " + detail)
              + (status == 404 ? " (check the account id and source id of the SCIM URL)" : "");
      Kind kind = ApiCallException.kindOf(status);
      Duration retryAfter = kind.retryable() ? RetryAfter.parse(response.header("Retry-After"), clock) : null;
      throw new ApiCallException(API, status, kind, Redaction.redact(message, token), retryAfter, null);
    } catch (IOException e) {
      String message = "GET " + url.encodedPath() + " failed: " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage());
      throw new ApiCallException(API, 0, Kind.UNAVAILABLE, Redaction.redact(message, token), null, e);
    }
  }

  private static boolean isJsonObject(String text) {
    try {
      JsonNode node = Json.mapper().readTree(text);
      return node != null && node.isObject();
    } catch (IOException notJson) {
      return false;
    }
  }

  private static HttpUrl sourceUrl(String scimBaseUrl, String accountId, String sourceId) {
    String base = scimBaseUrl == null || scimBaseUrl.isBlank() ? DEFAULT_BASE_URL : scimBaseUrl.strip();
    HttpUrl parsed = HttpUrl.parse(base);
    if (parsed == null) {
      throw new ApiCallException(API, 0, Kind.INVALID_REQUEST, "the SCIM base URL is not an http(s) URL: " + base);
    }
    if (accountId == null || accountId.isBlank() || sourceId == null || sourceId.isBlank()) {
      throw new ApiCallException(API, 0, Kind.INVALID_REQUEST, "the SCIM URL needs an account id and a source id");
    }
    HttpUrl.Builder builder = parsed.newBuilder();
    // "https://host/scim/v2/" ends in an empty segment that would otherwise become "//" in the path.
    if (parsed.pathSegments().get(parsed.pathSegments().size() - 1).isEmpty()) {
      builder.removePathSegment(parsed.pathSegments().size() - 1);
    }
    return builder.addPathSegment(accountId.strip()).addPathSegment(sourceId.strip()).build();
  }
}
