package io.scimplaybook.activities.onelogin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import okhttp3.mockwebserver.MockResponse;

/** OneLogin payloads from src/test/resources/onelogin (SOURCES.md there says where each came from). */
final class OneLoginPayloads {
  static final String CLIENT_ID = "0a1b2c3d4e5f60718293a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5";
  static final String CLIENT_SECRET = "f9e8d7c6b5a4938271605f4e3d2c1b0a9f8e7d6c5b4a39281706f5e4d3c2b1a0";
  /** The documented sample token. */
  static final String ACCESS_TOKEN = "xx508xx63817x752xx74004x30705xx92x58349x5x78f5xx34xxxxx51";
  static final String APP_ID = "654321";
  static final String PROBE_USER_ID = "4711";

  private OneLoginPayloads() {}

  static String resource(String name) {
    try (InputStream in = OneLoginPayloads.class.getResourceAsStream("/onelogin/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource onelogin/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static MockResponse json(int status, String body) {
    return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body);
  }

  static MockResponse token() {
    return json(200, resource("token-v2.response.json"));
  }

  static MockResponse token(String accessToken, long expiresIn) {
    return json(200, "{\"access_token\":\"" + accessToken + "\",\"created_at\":\"2025-05-01T10:00:00.000Z\","
        + "\"expires_in\":" + expiresIn + ",\"refresh_token\":\"r\",\"token_type\":\"bearer\",\"account_id\":555555}");
  }

  static MockResponse types() {
    return json(200, resource("event-types.response.json"));
  }

  static MockResponse page(String resource) {
    return json(200, resource(resource));
  }

  /** One event page without a next cursor. */
  static MockResponse events(String... events) {
    return json(200, "{\"status\":{\"error\":false,\"code\":200,\"type\":\"success\",\"message\":\"Success\"},"
        + "\"pagination\":{\"before_cursor\":null,\"after_cursor\":null,\"previous_link\":null,\"next_link\":null},"
        + "\"data\":[" + String.join(",", events) + "]}");
  }

  static String event(long id, String createdAt, long typeId, String appId, String userId, String errorDescription) {
    return "{\"id\":" + id + ",\"created_at\":\"" + createdAt + "\",\"event_type_id\":" + typeId + ",\"app_id\":" + appId
        + (userId == null ? "" : ",\"user_id\":" + userId + ",\"user_name\":\"user" + userId + "@example.com\"")
        + (errorDescription == null ? "" : ",\"error_description\":\"" + errorDescription + "\"")
        + ",\"app_name\":\"Cato Networks SCIM\",\"actor_user_name\":\"Ada Admin\"}";
  }
}
