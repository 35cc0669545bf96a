package io.scimplaybook.activities.cato;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimplaybook.activities.http.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;

/** Response bodies under src/test/resources/cato and helpers to read what the client sent. */
final class CatoFixtures {
  static final String API_KEY = "cato-test-key-9f8e7d6c5b4a";

  private CatoFixtures() {}

  static String resource(String name) {
    try (InputStream in = CatoFixtures.class.getResourceAsStream("/cato/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource cato/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static MockResponse json(String body) {
    return new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json").setBody(body);
  }

  static MockResponse fixture(String name) {
    return json(resource(name));
  }

  static MockResponse graphqlError(String message) {
    return json("{\"data\":null,\"errors\":[{\"message\":\"" + message + "\",\"path\":[\"x\"]}]}");
  }

  static JsonNode body(RecordedRequest request) {
    try {
      return Json.mapper().readTree(request.getBody().readUtf8());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
