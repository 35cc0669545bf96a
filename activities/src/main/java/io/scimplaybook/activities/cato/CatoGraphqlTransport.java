package io.scimplaybook.activities.cato;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scimplaybook.activities.http.ApiCallException;
import io.scimplaybook.activities.http.ApiCallException.Kind;
import io.scimplaybook.activities.http.Json;
import io.scimplaybook.activities.http.Redaction;
import io.scimplaybook.activities.http.RetryAfter;
import io.scimplaybook.api.pacing.PaceKey;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * One GraphQL round trip to the Cato Management Application: the API key in the {@code x-api-key} header only, and
 * every way the call can fail (HTTP status, a 200 carrying {@code errors}, a body that is not JSON, the network)
 * turned into an {@link ApiCallException} whose message is redacted and bounded, because it reaches workflow history.
 */
final class CatoGraphqlTransport {
  private static final MediaType JSON = MediaType.get("application/json");
  private static final int MAX_ERROR_TEXT = 500;

  private final CatoApiSettings settings;
  private final OkHttpClient http;
  private final ObjectMapper mapper = Json.mapper();

  CatoGraphqlTransport(CatoApiSettings settings, OkHttpClient http) {
    this.settings = settings;
    this.http = http.newBuilder().callTimeout(settings.timeout()).build();
  }

  /**
   * Sends one GraphQL document and returns its {@code data}.
   *
   * @param operation names the call in exception messages
   */
  JsonNode execute(String operation, String query, Map<String, Object> variables) {
    String api = "Cato " + operation;
    byte[] body;
    try {
      Map<String, Object> payload = new LinkedHashMap<>();
      payload.put("query", query);
      payload.put("variables", variables);
      body = mapper.writeValueAsBytes(payload);
    } catch (JsonProcessingException e) {
      throw new ApiCallException(api, 0, Kind.INVALID_REQUEST, "could not encode the request", null, null);
    }
    Request request =
        new Request.Builder()
            .url(settings.graphqlUrl())
            .header("x-api-key", settings.apiKey())
            .header("Accept", "application/json")
            .post(RequestBody.create(body, JSON))
            .tag(PaceKey.class, paceKey(operation, variables))
            .build();
    try (Response response = http.newCall(request).execute()) {
      ResponseBody responseBody = response.body();
      String text = responseBody == null ? "" : responseBody.string();
      JsonNode json = parseOrNull(text);
      if (!response.isSuccessful()) {
        int status = response.code();
        String detail = json == null ? "" : errorMessages(json);
        throw new ApiCallException(
            api, status, ApiCallException.kindOf(status),
            "HTTP " + status + (detail.isEmpty() ? "" : ": " + detail),
            RetryAfter.parse(response.header("Retry-After"), Clock.systemUTC()), null);
      }
      if (json == null) {
        // A 200 that is not JSON is a proxy or gateway page, not Cato: worth another try later.
        throw new ApiCallException(api, response.code(), Kind.UNAVAILABLE, "the response is not JSON");
      }
      JsonNode errors = json.path("errors");
      if (errors.isArray() && !errors.isEmpty()) {
        String messages = errorMessages(json);
        throw new ApiCallException(api, response.code(), kindOfGraphqlError(messages), "GraphQL error: " + messages);
      }
      JsonNode data = json.path("data");
      if (!data.isObject()) {
        // Neither data nor errors: a cut or foreign body. Reading it as "no records" would hide the failure.
        throw new ApiCallException(api, response.code(), Kind.UNAVAILABLE, "the response holds neither data nor errors");
      }
      return data;
    } catch (IOException e) {
      String reason = e.getMessage() == null ? "" : ": " + redact(e.getMessage());
      throw new ApiCallException(
          api, 0, Kind.UNAVAILABLE, "request failed (" + e.getClass().getSimpleName() + reason + ")", null, e);
    }
  }

  /**
   * What the call counts against: Cato's limits are per query and per account, so the key is the account and the
   * operation's root field ({@code xdr.stories} and {@code xdr.story} share {@code xdr}: Cato does not say whether it
   * counts the root or the nested field, and sharing is the side that cannot exceed). Null, so unpaced, when the
   * variables name no single account (no call of ours does that).
   */
  static PaceKey paceKey(String operation, Map<String, Object> variables) {
    Object account = variables == null ? null : variables.get("accountID");
    if (account == null && variables != null && variables.get("accountIDs") instanceof List<?> ids && ids.size() == 1) {
      account = ids.get(0);
    }
    if (account == null || operation == null) {
      return null;
    }
    int dot = operation.indexOf('.');
    String root = dot < 0 ? operation : operation.substring(0, dot);
    try {
      return new PaceKey(PaceKey.CATO, account.toString(), root);
    } catch (IllegalArgumentException notAnId) {
      // Not an account id Cato would accept either: the call fails on its own, unpaced.
      return null;
    }
  }

  /**
   * Cato reports every problem as a GraphQL error with prose; the prose is all there is to classify. Rate limits
   * come first because their text can also mention the API key ("rate limit ... for api key"); then credentials; then
   * the server's own trouble (an internal error or timeout inside a 200), which a later try can get past.
   */
  static Kind kindOfGraphqlError(String messages) {
    String m = messages.toLowerCase(Locale.ROOT);
    if (m.contains("rate limit") || m.contains("too many requests")) {
      return Kind.RATE_LIMITED;
    }
    if (m.contains("permission") || m.contains("unauthorized") || m.contains("unauthenticated")
        || m.contains("api key") || m.contains("apikey")) {
      return Kind.AUTHENTICATION;
    }
    if (m.contains("internal") || m.contains("timed out") || m.contains("timeout") || m.contains("unavailable")
        || m.contains("try again")) {
      return Kind.UNAVAILABLE;
    }
    return Kind.INVALID_REQUEST;
  }

  private JsonNode parseOrNull(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      JsonNode node = mapper.readTree(text);
      return node != null && node.isObject() ? node : null;
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  /** The {@code errors[].message} texts, joined, redacted and bounded: they end up in workflow history. */
  private String errorMessages(JsonNode json) {
    List<String> messages = new ArrayList<>();
    for (JsonNode error : json.path("errors")) {
      String message = text(error.path("message"));
      if (message != null) {
        messages.add(message);
      }
    }
    return Redaction.shorten(redact(String.join("; ", messages)), MAX_ERROR_TEXT);
  }

  /** An error text from Cato (an {@code errorString}, say), redacted and bounded like the GraphQL errors. */
  String errorText(String text) {
    return Redaction.shorten(redact(text), MAX_ERROR_TEXT);
  }

  /** Servers sometimes echo request headers in errors; the key must not travel on from here. */
  private String redact(String text) {
    return Redaction.redact(text, settings.apiKey());
  }

  private static String text(JsonNode node) {
    return CatoRecords.text(node);
  }
}
