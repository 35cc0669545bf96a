package io.scimplaybook.activities.okta;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimplaybook.activities.http.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * Documented Okta payloads from src/test/resources/okta, and the provisioning events and app users Okta publishes no
 * example of, built in the documented shapes (resources/okta/README.md).
 */
final class OktaPayloads {
  static final String API_TOKEN = "00QCjAl4MlV-WPXM-ABCDEFGhijklmnop123456789";
  static final String ACCESS_TOKEN = "eyJraWQiOiJvYXV0aCJ9.okta-service-app-access-token.sig";
  static final String SCIM_TOKEN = "cato-scim-token-5f2b9c1e7a3d4e8f9a0b";
  static final String CLIENT_ID = "0oa7servicexyz1d7";
  static final String APP_ID = "0oa1catoapp2d7";
  static final String OTHER_APP_ID = "0oa9otherapp3d7";
  static final String PROBE_ID = "00u1probe4d7";
  static final String PROBE_LOGIN = "probe@example.com";
  static final KeyPair KEYS = rsaKeys();
  static final String PRIVATE_KEY_PEM = pem(KEYS);

  private OktaPayloads() {}

  static String resource(String name) {
    try (InputStream in = OktaPayloads.class.getResourceAsStream("/okta/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource okta/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode json(String text) {
    try {
      return Json.mapper().readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode body(RecordedRequest request) {
    return json(request.getBody().readUtf8());
  }

  static MockResponse jsonResponse(int status, String body) {
    return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body);
  }

  static OktaOrgSettings apiTokenSettings(MockWebServer server) {
    return new OktaOrgSettings(orgUrl(server), API_TOKEN, null, null, null, null, null);
  }

  static OktaOrgSettings serviceAppSettings(MockWebServer server) {
    return new OktaOrgSettings(orgUrl(server), null, CLIENT_ID, PRIVATE_KEY_PEM, "kid-1", "okta.logs.read okta.apps.manage", null);
  }

  static String orgUrl(MockWebServer server) {
    String url = server.url("/").toString();
    return url.substring(0, url.length() - 1);
  }

  static MockResponse accessToken(long expiresIn) {
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("token_type", "Bearer").put("expires_in", expiresIn).put("access_token", ACCESS_TOKEN)
        .put("scope", "okta.logs.read okta.apps.manage");
    return jsonResponse(200, body.toString());
  }

  /** A target entry as the documented examples write them. */
  static ObjectNode target(String id, String type, String alternateId, String displayName) {
    ObjectNode target = Json.mapper().createObjectNode();
    target.put("id", id).put("type", type).put("alternateId", alternateId).put("displayName", displayName);
    target.putNull("detailEntry");
    return target;
  }

  static ObjectNode catoApp() {
    return target(APP_ID, "AppInstance", "Cato Networks", "Cato Networks SCIM");
  }

  static ObjectNode probeUser() {
    return target(PROBE_ID, "AppUser", PROBE_LOGIN, "Probe User");
  }

  /**
   * The documented LogEvent example with its event type, time, outcome and targets replaced: Okta publishes no
   * provisioning event, and this is the shape every System Log event shares.
   */
  static ObjectNode event(String eventType, String published, String result, String reason, ObjectNode... targets) {
    ObjectNode event = (ObjectNode) json(resource("okta-systemLog-logevent.example.json"));
    event.put("uuid", java.util.UUID.nameUUIDFromBytes((eventType + published + result).getBytes()).toString());
    event.put("eventType", eventType);
    event.put("published", published);
    event.put("displayMessage", eventType.startsWith("application.provision") ? "Push user to app" : "Integration event");
    ObjectNode outcome = event.putObject("outcome");
    outcome.put("result", result);
    if (reason == null) {
      outcome.putNull("reason");
    } else {
      outcome.put("reason", reason);
    }
    ArrayNode list = event.putArray("target");
    for (ObjectNode target : targets) {
      list.add(target);
    }
    return event;
  }

  static ObjectNode push(String published, String result, String reason) {
    return event("application.provision.user.push_profile", published, result, reason, catoApp(), probeUser());
  }

  static ObjectNode authFailure(String published) {
    return event("application.integration.authentication_failure", published, "FAILURE",
        "Authentication failed: 401 Unauthorized", catoApp());
  }

  /** A configuration change of the app with Okta's documented changeDetails. */
  static ObjectNode configUpdate(String published, String appId) {
    ObjectNode app = target(appId, "AppInstance", "Cato Networks", "Cato Networks SCIM");
    app.set("changeDetails", json(resource("okta-systemLog-target-changeDetails.example.json")));
    ObjectNode event = event("application.configuration.update", published, "SUCCESS", null, app);
    event.put("displayMessage", "Update application");
    return event;
  }

  static String page(JsonNode... events) {
    ArrayNode page = Json.mapper().createArrayNode();
    for (JsonNode event : events) {
      page.add(event);
    }
    return page.toString();
  }

  /** An app user with the fields the Apps API documents. */
  static String appUser(String syncState, String lastSync) {
    ObjectNode user = Json.mapper().createObjectNode();
    user.put("id", PROBE_ID).put("externalId", "ext-1").put("scope", "USER").put("status", "PROVISIONED");
    if (syncState != null) {
      user.put("syncState", syncState);
    }
    if (lastSync != null) {
      user.put("lastSync", lastSync);
    }
    user.putObject("profile").put("email", PROBE_LOGIN).put("givenName", "Probe").put("department", "IT");
    user.putObject("_links").putObject("app").put("href", "https://example.okta.com/api/v1/apps/" + APP_ID);
    return user.toString();
  }

  private static KeyPair rsaKeys() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String pem(KeyPair keys) {
    String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
        .encodeToString(keys.getPrivate().getEncoded());
    return "-----BEGIN PRIVATE KEY-----\n" + base64 + "\n-----END PRIVATE KEY-----\n";
  }

  static Instant at(String time) {
    return Instant.parse(time);
  }
}
