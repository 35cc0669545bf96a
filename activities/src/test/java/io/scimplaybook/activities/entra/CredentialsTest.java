package io.scimplaybook.activities.entra;

import static io.scimplaybook.activities.entra.GraphPayloads.body;
import static io.scimplaybook.activities.entra.GraphPayloads.json;
import static io.scimplaybook.activities.entra.GraphPayloads.jsonResponse;
import static io.scimplaybook.activities.entra.GraphPayloads.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.scimplaybook.activities.http.ApiCallException;
import io.scimplaybook.activities.http.ApiCallException.Kind;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class CredentialsTest extends GraphServerTest {
  static final String BASE_ADDRESS = "https://scimservice.catonetworks.com:4443/scim/v2/4711/90210";
  static final String SCIM_TOKEN = "cato-scim-token-4f1d2c9e8b7a6d5c";

  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private Logger root;
  private Level rootLevel;

  @BeforeEach
  void captureLogs() {
    root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    rootLevel = root.getLevel();
    root.setLevel(Level.TRACE);
    logs.start();
    root.addAppender(logs);
  }

  @AfterEach
  void releaseLogs() {
    root.detachAppender(logs);
    root.setLevel(rootLevel);
  }

  @Test
  void validateCredentialsSendsTheCandidateCredentialsAndReads204AsValid() throws Exception {
    enqueueToken();
    server.enqueue(new MockResponse().setResponseCode(204));

    CredentialValidation validation = client.validateCredentials(SP_ID, JOB_ID, BASE_ADDRESS, SCIM_TOKEN);

    takeTokenRequest();
    RecordedRequest request = take();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getRequestUrl().encodedPath())
        .isEqualTo("/v1.0/servicePrincipals/" + SP_ID + "/synchronization/jobs/" + JOB_ID + "/validateCredentials");
    assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + ACCESS_TOKEN);
    assertThat(request.getHeader("Content-Type")).startsWith("application/json");
    JsonNode sent = body(request);
    assertThat(sent.get("useSavedCredentials").isBoolean()).isTrue();
    assertThat(sent.get("useSavedCredentials").asBoolean()).isFalse();
    assertThat(sent.get("credentials"))
        .isEqualTo(json("[{\"key\":\"BaseAddress\",\"value\":\"" + BASE_ADDRESS + "\"},"
            + "{\"key\":\"SecretToken\",\"value\":\"" + SCIM_TOKEN + "\"}]"));
    assertThat(sent.size()).isEqualTo(2);

    assertThat(validation.valid()).isTrue();
    assertThat(validation.summary()).isEqualTo("Entra test connection succeeded");
  }

  @Test
  void a400IsAnInvalidCredentialsAnswerNotAFailedCall() {
    enqueueToken();
    server.enqueue(
        jsonResponse(
            400,
            """
            {"error":{"code":"SystemForCrossDomainIdentityManagementCredentialValidationUnauthorized",
                      "message":"You appear to have entered invalid credentials. Token %s was rejected.",
                      "innerError":{"request-id":"7e3a6f0e-1111-2222-3333-444455556666","date":"2025-05-01T10:00:00"}}}
            """
                .formatted(SCIM_TOKEN)));

    CredentialValidation validation = client.validateCredentials(SP_ID, JOB_ID, BASE_ADDRESS, SCIM_TOKEN);

    assertThat(validation.valid()).isFalse();
    assertThat(validation.status()).isEqualTo(400);
    assertThat(validation.errorCode()).isEqualTo("SystemForCrossDomainIdentityManagementCredentialValidationUnauthorized");
    assertThat(validation.requestId()).isEqualTo("7e3a6f0e-1111-2222-3333-444455556666");
    assertThat(validation.message()).contains("invalid credentials").doesNotContain(SCIM_TOKEN);
    assertThat(validation.summary()).contains("(400)", "invalid credentials").doesNotContain(SCIM_TOKEN);
    assertNoLogHolds(SCIM_TOKEN);
  }

  @Test
  void a403FromGraphItselfIsAPermissionFailure() {
    enqueueToken();
    server.enqueue(jsonResponse(403, resource("graph-error-403.response.json")));

    ApiCallException e =
        catchThrowableOfType(
            () -> client.validateCredentials(SP_ID, JOB_ID, BASE_ADDRESS, SCIM_TOKEN), ApiCallException.class);

    assertThat(e.kind()).isEqualTo(Kind.PERMISSION);
    assertThat(e.getMessage())
        .contains("403", "Authorization_RequestDenied", "Insufficient privileges to complete the operation.")
        .doesNotContain(SCIM_TOKEN);
  }

  @Test
  void saveSecretsPutsTheEndpointAndToken() throws Exception {
    enqueueToken();
    server.enqueue(new MockResponse().setResponseCode(204));

    client.saveSecrets(SP_ID, BASE_ADDRESS, SCIM_TOKEN);

    takeTokenRequest();
    RecordedRequest request = take();
    assertThat(request.getMethod()).isEqualTo("PUT");
    assertThat(request.getRequestUrl().encodedPath())
        .isEqualTo("/v1.0/servicePrincipals/" + SP_ID + "/synchronization/secrets");
    assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + ACCESS_TOKEN);
    assertThat(request.getHeader("Content-Type")).startsWith("application/json");
    JsonNode sent = body(request);
    // The documented example's first two entries, with our values; the optional notification entries are not sent.
    JsonNode documented = json(resource("graph-putSecrets.request.json")).get("value");
    assertThat(sent.fieldNames()).toIterable().containsExactly("value");
    assertThat(sent.get("value")).hasSize(2);
    assertThat(sent.get("value").get(0).get("key")).isEqualTo(documented.get(0).get("key"));
    assertThat(sent.get("value").get(1).get("key")).isEqualTo(documented.get(1).get("key"));
    assertThat(sent.get("value").get(0).get("value").asText()).isEqualTo(BASE_ADDRESS);
    assertThat(sent.get("value").get(1).get("value").asText()).isEqualTo(SCIM_TOKEN);
  }

  @Test
  void theScimTokenNeverReachesAnExceptionMessageOrALogLine() {
    // Graph echoing request values back is the worst case; every failure path is exercised with the token in the body.
    String echo =
        "{\"error\":{\"code\":\"BadRequest\",\"message\":\"Invalid value '%s' for SecretToken\"}}".formatted(SCIM_TOKEN);
    enqueueToken();
    server.enqueue(jsonResponse(500, echo));
    server.enqueue(jsonResponse(409, echo));
    server.enqueue(jsonResponse(429, echo));
    server.enqueue(jsonResponse(404, echo));
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));

    ApiCallException save500 =
        catchThrowableOfType(() -> client.saveSecrets(SP_ID, BASE_ADDRESS, SCIM_TOKEN), ApiCallException.class);
    ApiCallException save409 =
        catchThrowableOfType(() -> client.saveSecrets(SP_ID, BASE_ADDRESS, SCIM_TOKEN), ApiCallException.class);
    ApiCallException validate429 =
        catchThrowableOfType(
            () -> client.validateCredentials(SP_ID, JOB_ID, BASE_ADDRESS, SCIM_TOKEN), ApiCallException.class);
    ApiCallException validate404 =
        catchThrowableOfType(
            () -> client.validateCredentials(SP_ID, JOB_ID, BASE_ADDRESS, SCIM_TOKEN), ApiCallException.class);
    ApiCallException disconnected =
        catchThrowableOfType(
            () -> client.validateCredentials(SP_ID, JOB_ID, BASE_ADDRESS, SCIM_TOKEN), ApiCallException.class);

    assertThat(save500.kind()).isEqualTo(Kind.UNAVAILABLE);
    assertThat(save409.kind()).isEqualTo(Kind.INVALID_REQUEST);
    assertThat(validate429.kind()).isEqualTo(Kind.RATE_LIMITED);
    assertThat(validate404.kind()).isEqualTo(Kind.NOT_FOUND);
    assertThat(disconnected.kind()).isEqualTo(Kind.UNAVAILABLE);
    for (ApiCallException e : new ApiCallException[] {save500, save409, validate429, validate404}) {
      assertThat(e.getMessage()).contains("BadRequest", "[redacted]").doesNotContain(SCIM_TOKEN).doesNotContain(ACCESS_TOKEN);
    }
    assertThat(disconnected.getMessage()).doesNotContain(SCIM_TOKEN).doesNotContain(ACCESS_TOKEN);
    assertNoLogHolds(SCIM_TOKEN);
    assertNoLogHolds(ACCESS_TOKEN);
    assertNoLogHolds(GraphPayloads.CLIENT_SECRET);
  }

  private void assertNoLogHolds(String secret) {
    assertThat(logs.list).isNotEmpty();
    assertThat(logs.list)
        .extracting(ILoggingEvent::getFormattedMessage)
        .allSatisfy(line -> assertThat(line).doesNotContain(secret));
  }
}
