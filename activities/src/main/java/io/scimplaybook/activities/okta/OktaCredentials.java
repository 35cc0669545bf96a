package io.scimplaybook.activities.okta;

import io.scimplaybook.activities.http.JsonFields;
import com.fasterxml.jackson.databind.JsonNode;
import io.scimplaybook.activities.http.AccessTokenCache;
import io.scimplaybook.activities.http.AccessTokenCache.Token;
import io.scimplaybook.activities.http.ApiCallException;
import io.scimplaybook.activities.http.ApiCallException.Kind;
import io.scimplaybook.activities.http.Json;
import io.scimplaybook.activities.http.Redaction;
import io.scimplaybook.activities.http.TokenResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The {@code Authorization} header for one org: {@code SSWS <apiToken>}, or {@code Bearer <access token>} from the
 * service app's client-credentials grant with a {@code private_key_jwt} assertion, cached until shortly before it
 * expires. One lock serialises token requests so parallel activities share one.
 */
final class OktaCredentials {
  static final String API = "Okta token endpoint";
  static final String DEFAULT_SCOPES = "okta.logs.read okta.apps.read okta.apps.manage";
  private static final Duration REFRESH_MARGIN = Duration.ofMinutes(2);

  private final OktaOrgSettings settings;
  private final HttpUrl tokenUrl;
  private final ClientAssertion assertion;
  private final OkHttpClient http;
  private final Clock clock;
  private final AccessTokenCache cache;

  /** A header value and whether it was fetched for this call: a 401 on a cached token is worth one more try. */
  record Lease(String authorization, String secret, boolean fresh) {
    @Override
    public String toString() {
      return "Lease[authorization=<hidden>, fresh=" + fresh + "]";
    }
  }

  /** @throws IllegalArgumentException when the settings hold neither credential, or an unreadable key */
  OktaCredentials(OktaOrgSettings settings, HttpUrl org, OkHttpClient http, Clock clock) {
    this.settings = settings;
    this.http = http;
    this.clock = clock;
    this.cache = new AccessTokenCache(this::fetch, clock);
    this.tokenUrl = org.newBuilder().addPathSegments("oauth2/v1/token").build();
    if (settings.usesApiToken()) {
      this.assertion = null;
    } else if (blank(settings.clientId()) || blank(settings.privateKeyPem())) {
      throw new IllegalArgumentException("neither an apiToken nor a service app (clientId and privateKeyPem) is set");
    } else {
      this.assertion = ClientAssertion.of(settings.clientId(), settings.keyId(), settings.privateKeyPem());
    }
  }

  String mode() {
    return assertion == null ? "API token" : "service app " + settings.clientId();
  }

  Lease lease() {
    if (assertion == null) {
      return new Lease("SSWS " + settings.apiToken().strip(), settings.apiToken(), true);
    }
    AccessTokenCache.Lease cached = cache.lease();
    return new Lease("Bearer " + cached.token(), cached.token(), cached.fresh());
  }

  /** Forgets an access token Okta refused; one another thread fetched meanwhile stays. */
  void invalidate(Lease lease) {
    cache.invalidate(lease.secret());
  }

  private Token fetch() {
    Instant requestedAt = clock.instant();
    String signed = assertion.sign(tokenUrl.toString(), requestedAt);
    FormBody form = new FormBody.Builder()
        .add("grant_type", "client_credentials")
        .add("scope", blank(settings.scopes()) ? DEFAULT_SCOPES : settings.scopes().strip())
        .add("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
        .add("client_assertion", signed)
        .build();
    Request request = new Request.Builder().url(tokenUrl).post(form).header("Accept", "application/json").build();
    try (Response response = http.newCall(request).execute()) {
      ResponseBody raw = response.body();
      String body = raw == null ? "" : raw.string();
      if (!response.isSuccessful()) {
        throw refusal(response, body, signed);
      }
      JsonNode json = TokenResponse.object(API, body);
      String token = JsonFields.text(json, "access_token");
      if (token == null) {
        throw new ApiCallException(API, response.code(), Kind.UNAVAILABLE, "the token response holds no access_token");
      }
      long expiresIn = Math.max(0, JsonFields.field(json, "expires_in").asLong(0));
      return Token.expiringIn(token, requestedAt, expiresIn, REFRESH_MARGIN);
    } catch (IOException e) {
      throw new ApiCallException(API, 0, Kind.UNAVAILABLE, "token request to " + tokenUrl.host() + " failed: "
          + OktaClient.describe(e), null, null);
    }
  }

  private ApiCallException refusal(Response response, String body, String signed) {
    int status = response.code();
    String error = null;
    String description = null;
    try {
      JsonNode json = Json.mapper().readTree(body);
      error = JsonFields.text(json, "error");
      description = JsonFields.text(json, "error_description");
    } catch (IOException | RuntimeException notJson) {
      // a proxy's page: the status alone has to do
    }
    StringBuilder message = new StringBuilder("token request for ").append(mode()).append(" returned ").append(status);
    if (error != null) {
      message.append(' ').append(error);
    }
    if (description != null) {
      message.append(": ").append(description.strip());
    }
    if (error != null && error.contains("dpop")) {
      message.append(" (the service app requires DPoP, which this worker does not send: turn off \"Require"
          + " Demonstrating Proof of Possession\" for it in the Okta Admin Console)");
    }
    Kind kind = status == 429 || status >= 500 ? ApiCallException.kindOf(status) : Kind.AUTHENTICATION;
    Duration retryAfter = kind.retryable() ? OktaClient.rateLimitWait(response, clock) : null;
    String safe = Redaction.shorten(Redaction.redact(message.toString(), signed, settings.privateKeyPem()), 1000);
    return new ApiCallException(API, status, kind, safe, retryAfter, null);
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
