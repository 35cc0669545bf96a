package io.scimplaybook.activities.entra;

import io.scimplaybook.activities.http.JsonFields;
import com.fasterxml.jackson.databind.JsonNode;
import io.scimplaybook.activities.http.AccessTokenCache;
import io.scimplaybook.activities.http.AccessTokenCache.Token;
import io.scimplaybook.activities.http.ApiCallException;
import io.scimplaybook.activities.http.ApiCallException.Kind;
import io.scimplaybook.activities.http.Json;
import io.scimplaybook.activities.http.Redaction;
import io.scimplaybook.activities.http.RetryAfter;
import io.scimplaybook.activities.http.TokenResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The client-credentials token request for Graph and its answer's reading and error mapping. The client keeps the
 * tokens in an {@link AccessTokenCache} until shortly before they expire, so parallel activities that find the cache
 * empty wait for one token request instead of each sending their own.
 */
final class GraphAccessTokens implements Supplier<Token> {
  static final String API = "Entra ID token endpoint";
  static final String SCOPE = "https://graph.microsoft.com/.default";
  /** Renew this long before expiry so a token never runs out between being handed out and reaching Graph. */
  private static final Duration REFRESH_MARGIN = Duration.ofMinutes(2);

  private final EntraSettings settings;
  private final OkHttpClient http;
  private final Clock clock;

  GraphAccessTokens(EntraSettings settings, OkHttpClient http, Clock clock) {
    this.settings = settings;
    this.http = http;
    this.clock = clock;
  }

  /** Asks the token endpoint for a new token; the {@link AccessTokenCache} in front of it decides when. */
  @Override
  public Token get() {
    HttpUrl url =
        HttpUrl.get(settings.loginBaseUrl()).newBuilder()
            .addPathSegment(settings.tenantId())
            .addPathSegments("oauth2/v2.0/token")
            .build();
    FormBody form =
        new FormBody.Builder()
            .add("client_id", settings.clientId())
            .add("client_secret", settings.clientSecret())
            .add("scope", SCOPE)
            .add("grant_type", "client_credentials")
            .build();
    Instant requestedAt = clock.instant();
    try (Response response = http.newCall(new Request.Builder().url(url).post(form).build()).execute()) {
      String body = bodyOf(response);
      if (!response.isSuccessful()) {
        throw refusal(response, body);
      }
      JsonNode json = TokenResponse.object(API, body);
      String token = JsonFields.text(json, "access_token");
      if (token == null) {
        throw new ApiCallException(API, response.code(), Kind.UNAVAILABLE, "the token response holds no access_token");
      }
      return Token.expiringIn(token, requestedAt, TokenResponse.expiresIn(json), REFRESH_MARGIN);
    } catch (IOException e) {
      throw new ApiCallException(
          API, 0, Kind.UNAVAILABLE, "token request for tenant " + settings.tenantId() + " failed: " + describe(e), null, e);
    }
  }

  private ApiCallException refusal(Response response, String body) {
    int status = response.code();
    String error = null;
    String description = null;
    try {
      JsonNode json = Json.mapper().readTree(body);
      error = JsonFields.text(json, "error");
      description = JsonFields.text(json, "error_description");
    } catch (IOException | RuntimeException notJson) {
      // an HTML error page from a proxy: the status alone has to do
    }
    if (description != null) {
      // AADSTS descriptions carry trace/correlation ids on later lines; the first line names the problem.
      description = description.lines().findFirst().orElse(description).strip();
    }
    StringBuilder message =
        new StringBuilder("token request for tenant ").append(settings.tenantId()).append(" returned ").append(status);
    if (error != null) {
      message.append(' ').append(error);
    }
    if (description != null) {
      message.append(": ").append(description);
    }
    Kind kind = status == 429 || status >= 500 ? ApiCallException.kindOf(status) : Kind.AUTHENTICATION;
    Duration retryAfter = kind.retryable() ? RetryAfter.parse(response.header("Retry-After"), clock) : null;
    String safe = Redaction.shorten(Redaction.redact(message.toString(), settings.clientSecret()), 1000);
    return new ApiCallException(API, status, kind, safe, retryAfter, null);
  }

  private static String bodyOf(Response response) throws IOException {
    ResponseBody body = response.body();
    return body == null ? "" : body.string();
  }

  static String describe(IOException e) {
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }
}
