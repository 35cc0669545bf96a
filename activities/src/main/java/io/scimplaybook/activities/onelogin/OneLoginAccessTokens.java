package io.scimplaybook.activities.onelogin;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimplaybook.activities.http.AccessTokenCache;
import io.scimplaybook.activities.http.AccessTokenCache.Token;
import io.scimplaybook.activities.http.ApiCallException;
import io.scimplaybook.activities.http.ApiCallException.Kind;
import io.scimplaybook.activities.http.Redaction;
import io.scimplaybook.activities.http.TokenResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * OAuth2 client-credentials tokens for one OneLogin account ({@code POST /auth/oauth2/v2/token}, client id and secret
 * as Basic auth, body {@code {"grant_type":"client_credentials"}}). The client keeps them in an
 * {@link AccessTokenCache} until shortly before they expire: OneLogin hands out the same token for the same
 * credentials until it expires (10 hours), so one lock serialising fetches suits it.
 */
final class OneLoginAccessTokens implements Supplier<Token> {
  static final String API = "OneLogin token endpoint";
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  private static final Duration REFRESH_MARGIN = Duration.ofMinutes(5);

  private final OneLoginSettings settings;
  private final OkHttpClient http;
  private final Clock clock;

  OneLoginAccessTokens(OneLoginSettings settings, OkHttpClient http, Clock clock) {
    this.settings = settings;
    this.http = http;
    this.clock = clock;
  }

  /** Asks the token endpoint for a new token; the {@link AccessTokenCache} in front of it decides when. */
  @Override
  public Token get() {
    HttpUrl url = HttpUrl.get(settings.url()).newBuilder().addPathSegments("auth/oauth2/v2/token").build();
    Request request =
        new Request.Builder()
            .url(url)
            .header("Authorization", Credentials.basic(settings.clientId(), settings.clientSecret()))
            .header("Accept", "application/json")
            .post(RequestBody.create("{\"grant_type\":\"client_credentials\"}", JSON))
            .build();
    Instant requestedAt = clock.instant();
    try (Response response = http.newCall(request).execute()) {
      ResponseBody responseBody = response.body();
      String body = responseBody == null ? "" : responseBody.string();
      if (!response.isSuccessful()) {
        throw refusal(response, body);
      }
      JsonNode json = tokenJson(body);
      String token = OneLoginEvent.text(json, "access_token");
      if (token == null) {
        throw new ApiCallException(API, response.code(), Kind.UNAVAILABLE, "the token response holds no access_token");
      }
      return Token.expiringIn(token, requestedAt, TokenResponse.expiresIn(json), REFRESH_MARGIN);
    } catch (IOException e) {
      throw new ApiCallException(API, 0, Kind.UNAVAILABLE,
          Redaction.redact("token request to " + url.host() + " failed: " + OneLoginClient.describe(e),
              settings.clientSecret()), null, e);
    }
  }

  /**
   * Generate Tokens v2 answers the RFC 6749 shape at the top level; the older endpoint wrapped it in
   * {@code {"status": ..., "data": [{...}]}}. Both are read. Jackson's own message is never used: it quotes the body.
   */
  private static JsonNode tokenJson(String body) {
    JsonNode json = TokenResponse.object(API, body);
    JsonNode data = json.path("data");
    if (json.get("access_token") == null && data.isArray() && data.size() > 0 && data.get(0).isObject()) {
      return data.get(0);
    }
    return json;
  }

  private ApiCallException refusal(Response response, String body) {
    int status = response.code();
    String said = OneLoginError.parse(body).describe();
    String message = "token request to " + response.request().url().host() + " returned " + status
        + (said.isEmpty() ? "" : " " + said);
    // 400 and 401 here are OneLogin refusing the credentials (wrong id/secret, a deleted credential owner answers 500).
    Kind kind = status == 429 || status >= 500 ? ApiCallException.kindOf(status)
        : status == 403 ? Kind.PERMISSION : Kind.AUTHENTICATION;
    Duration wait = kind.retryable()
        ? RateLimitWait.parse(response.header("Retry-After"), response.header("X-RateLimit-Reset"), clock)
        : null;
    String safe = Redaction.shorten(Redaction.redact(message, settings.clientSecret()), 1000);
    return new ApiCallException(API, status, kind, safe, wait, null);
  }
}
