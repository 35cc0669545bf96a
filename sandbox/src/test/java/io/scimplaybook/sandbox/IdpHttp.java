package io.scimplaybook.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A test's client for the sandbox's Okta, OneLogin and IdP console stand-ins, beside SandboxHttp's Cato and Graph. */
final class IdpHttp {
  private static final Pattern NEXT = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"");

  private final SandboxHttp http;
  private final SandboxConfig config;

  IdpHttp(SandboxServer server) {
    this.http = new SandboxHttp(server);
    this.config = server.config();
  }

  SandboxHttp http() {
    return http;
  }

  // --- Okta

  HttpResponse<String> okta(String method, String path, String apiToken, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(http.uri(path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("Accept", "application/json");
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (apiToken != null) {
      request.header("Authorization", "SSWS " + apiToken);
    }
    return http.send(request);
  }

  HttpResponse<String> okta(String method, String path, String body) {
    return okta(method, path, config.okta().apiToken(), body);
  }

  HttpResponse<String> oktaUrl(String url) {
    return http.send(HttpRequest.newBuilder(URI.create(url)).GET()
        .header("Authorization", "SSWS " + config.okta().apiToken()));
  }

  static String nextLink(HttpResponse<String> response) {
    for (String link : response.headers().allValues("Link")) {
      Matcher m = NEXT.matcher(link);
      if (m.find()) {
        return m.group(1);
      }
    }
    return null;
  }

  String appUserPath() {
    return "/api/v1/apps/" + config.okta().appId() + "/users/" + config.okta().probeUserId();
  }

  String connectionPath() {
    return "/api/v1/apps/" + config.okta().appId() + "/connections/default";
  }

  /** Every event of a System Log query, following next links until a page comes back empty or without one. */
  List<JsonNode> oktaLogAll(String query) {
    List<JsonNode> all = new ArrayList<>();
    HttpResponse<String> page = okta("GET", "/api/v1/logs?" + query, null);
    for (int pages = 0; pages < 100; pages++) {
      if (page.statusCode() != 200) {
        throw new AssertionError("HTTP " + page.statusCode() + ": " + page.body());
      }
      JsonNode events = SandboxHttp.json(page);
      events.forEach(all::add);
      String next = nextLink(page);
      if (next == null || events.isEmpty()) {
        return all;
      }
      page = oktaUrl(next);
    }
    throw new AssertionError("more than 100 pages");
  }

  // --- OneLogin

  HttpResponse<String> oneLoginToken(String authorization, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(http.uri("/auth/oauth2/v2/token"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request);
  }

  static String basic(String id, String secret) {
    return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
  }

  String oneLoginAccessToken() {
    HttpResponse<String> response = oneLoginToken(
        basic(config.onelogin().clientId(), config.onelogin().clientSecret()), "{\"grant_type\":\"client_credentials\"}");
    if (response.statusCode() != 200) {
      throw new AssertionError("token HTTP " + response.statusCode() + ": " + response.body());
    }
    return SandboxHttp.json(response).path("access_token").asText();
  }

  HttpResponse<String> oneLogin(String pathAndQuery, String accessToken) {
    HttpRequest.Builder request = HttpRequest.newBuilder(pathAndQuery.startsWith("http")
        ? URI.create(pathAndQuery) : http.uri(pathAndQuery)).GET();
    if (accessToken != null) {
      request.header("Authorization", "Bearer " + accessToken);
    }
    return http.send(request);
  }

  // --- the IdP console stand-ins

  HttpResponse<String> installToken(String token) {
    return http.send(HttpRequest.newBuilder(http.uri("/sandbox/idp/token"))
        .header("Content-Type", "text/plain")
        .POST(HttpRequest.BodyPublishers.ofString(token)));
  }

  JsonNode provisionNow() {
    return SandboxHttp.json(http.control("POST", "/sandbox/idp/provision"));
  }

  JsonNode state() {
    return SandboxHttp.json(http.control("GET", "/sandbox/state"));
  }
}
