package io.scimplaybook.starter.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.scimplaybook.testkit.SignalLog;
import io.scimplaybook.testkit.TemporalTestServer;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The webhook's credentials over real HTTP: a good one starts the run, anything else is a 401 that starts nothing. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "scim-playbook.webhook.bearer-token=" + WebhookAuthenticationTest.TOKEN,
    "scim-playbook.webhook.hmac-key=" + WebhookAuthenticationTest.KEY})
@ExtendWith(OutputCaptureExtension.class)
class WebhookAuthenticationTest {

  static final String TOKEN = "bearer-secret-7Qx2Lm9Vt4Rk";
  static final String KEY = "hmac-secret-Pz8Wn3Jd6Ys1";
  static final String WRONG = "not-the-token-Hh5Gg4Ff3";
  static final TemporalTestServer temporal = TemporalTestServer.start();
  static final ObjectMapper json = new ObjectMapper();

  @DynamicPropertySource
  static void temporalTarget(DynamicPropertyRegistry registry) {
    registry.add("spring.temporal.connection.target", temporal::target);
  }

  @AfterAll
  static void stopTemporal() {
    temporal.close();
  }

  @LocalServerPort int port;
  private WebhookHttp webhook;

  @BeforeEach
  void client() {
    webhook = new WebhookHttp(HttpClient.newHttpClient(), port);
  }

  @Test
  void theConfiguredBearerTokenStartsTheRun() throws Exception {
    HttpResponse<String> response = webhook.postBearer(TOKEN, FailureEventWebhookTest.event("8001", "a", "r"));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    temporal.awaitReceived("scim-playbook-8001-a", log -> log.failures().size() == 1);
  }

  @Test
  void aFreshSignatureOfTheBodyStartsTheRun() throws Exception {
    HttpResponse<String> response = webhook.postSigned(KEY, Instant.now(), FailureEventWebhookTest.event("8002", "a", "signed"));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    SignalLog log = temporal.awaitReceived("scim-playbook-8002-a", l -> l.failures().size() == 1);
    assertThat(log.failures().get(0).reason()).isEqualTo("signed");
  }

  @Test
  void aSignedRequestSentAgainWithinItsWindowIsRefusedAndCountedOnce() throws Exception {
    String body = FailureEventWebhookTest.event("8003", "a", "signed once");
    Instant at = Instant.now();

    HttpResponse<String> first = webhook.postSigned(KEY, at, body);
    HttpResponse<String> replay = webhook.postSigned(KEY, at, body);

    assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
    assertThat(replay.statusCode()).as(replay.body()).isEqualTo(401);
    assertThat(json.readTree(replay.body()).get("error").asText()).contains("already received (a replay is refused)");
    assertThat(temporal.awaitReceived("scim-playbook-8003-a", l -> l.failures().size() == 1).failures()).hasSize(1);
  }

  /** Sends one badly authenticated event for the given account. */
  interface BadRequest {
    HttpResponse<String> send(WebhookHttp webhook, String body) throws Exception;
  }

  static Stream<Arguments> badCredentials() {
    String now = Long.toString(Instant.now().getEpochSecond());
    return Stream.of(
        Arguments.of("no credentials", (BadRequest) (w, body) -> w.send(w.json(), body),
            "no credentials: send 'Authorization: Bearer <token>', or sign the body"),
        Arguments.of("Basic scheme", (BadRequest) (w, body) -> w.send(w.json().header("Authorization", "Basic " + WRONG), body),
            "Authorization has scheme 'Basic'"),
        Arguments.of("a token without a scheme", (BadRequest) (w, body) -> w.send(w.json().header("Authorization", WRONG), body),
            "Authorization has a value without a scheme"),
        Arguments.of("a wrong bearer token", (BadRequest) (w, body) -> w.postBearer(WRONG, body),
            "the bearer token is not the one configured"),
        Arguments.of("the token with a character missing", (BadRequest) (w, body) -> w.postBearer(TOKEN.substring(1), body),
            "the bearer token is not the one configured"),
        Arguments.of("an empty bearer token", (BadRequest) (w, body) -> w.send(w.json().header("Authorization", "Bearer "), body),
            "carries no token"),
        Arguments.of("a signature with the wrong key", (BadRequest) (w, body) -> w.postSigned(WRONG, Instant.now(), body),
            "signature does not match"),
        Arguments.of("a signature of another body", (BadRequest) (w, body) -> w.send(w.json()
                .header(WebhookAuthenticator.TIMESTAMP_HEADER, now)
                .header(WebhookAuthenticator.SIGNATURE_HEADER, "sha256=" + WebhookHttp.sign(KEY, now, body + " ")), body),
            "signature does not match"),
        Arguments.of("a signature replayed with a new timestamp", (BadRequest) (w, body) -> {
              String old = Long.toString(Instant.now().minusSeconds(60).getEpochSecond());
              return w.send(w.json().header(WebhookAuthenticator.TIMESTAMP_HEADER, now)
                  .header(WebhookAuthenticator.SIGNATURE_HEADER, "sha256=" + WebhookHttp.sign(KEY, old, body)), body);
            },
            "signature does not match"),
        Arguments.of("a signature ten minutes old", (BadRequest) (w, body) ->
                w.postSigned(KEY, Instant.now().minus(Duration.ofMinutes(10)), body),
            "s away from the starter's clock (at most 300 s allowed)"),
        Arguments.of("a signature without a timestamp", (BadRequest) (w, body) -> w.send(w.json()
                .header(WebhookAuthenticator.SIGNATURE_HEADER, "sha256=" + WebhookHttp.sign(KEY, now, body)), body),
            "X-Scim-Playbook-Timestamp (epoch seconds) is required"),
        Arguments.of("a timestamp that is not a number", (BadRequest) (w, body) -> w.send(w.json()
                .header(WebhookAuthenticator.TIMESTAMP_HEADER, "yesterday")
                .header(WebhookAuthenticator.SIGNATURE_HEADER, "sha256=" + WebhookHttp.sign(KEY, "yesterday", body)), body),
            "must be epoch seconds such as 1748766600, got 'yesterday'"),
        Arguments.of("a signature that is not sha256 hex", (BadRequest) (w, body) -> w.send(w.json()
                .header(WebhookAuthenticator.TIMESTAMP_HEADER, now)
                .header(WebhookAuthenticator.SIGNATURE_HEADER, "md5=abc"), body),
            "must be 'sha256=' followed by 64 hex digits"),
        Arguments.of("a timestamp past the range of time", (BadRequest) (w, body) -> w.send(w.json()
                .header(WebhookAuthenticator.TIMESTAMP_HEADER, "99999999999999999")
                .header(WebhookAuthenticator.SIGNATURE_HEADER, "sha256=" + "ab".repeat(32)), body),
            "more than ten years away from the starter's clock"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badCredentials")
  void anythingButAValidCredentialIs401AndStartsNothing(String label, BadRequest bad, String message, CapturedOutput output)
      throws Exception {
    String accountId = "81" + Math.abs(label.hashCode() % 10_000);
    int openBefore = temporal.openRuns();

    HttpResponse<String> response = bad.send(webhook, FailureEventWebhookTest.event(accountId, "a", "r"));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"scim-playbook\"");
    String error = json.readTree(response.body()).get("error").asText();
    assertThat(error).contains(message);
    assertThat(temporal.openRuns()).isEqualTo(openBefore);
    assertThat(temporal.exists("scim-playbook-" + accountId + "-a")).isFalse();
    // Neither the configured secrets nor what the caller presented reach the answer or the log.
    assertThat(response.body()).doesNotContain(TOKEN).doesNotContain(KEY).doesNotContain(WRONG);
    assertThat(output.getAll()).contains("failure event refused (401)")
        .doesNotContain(TOKEN).doesNotContain(KEY).doesNotContain(WRONG);
  }

  @Test
  void credentialsAreCheckedBeforeAnythingElseIsJudged() throws Exception {
    HttpResponse<String> response = webhook.send(webhook.json().setHeader("Content-Type", "text/plain"), "{");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(json.readTree(response.body()).get("error").asText()).startsWith("no credentials");
  }
}
