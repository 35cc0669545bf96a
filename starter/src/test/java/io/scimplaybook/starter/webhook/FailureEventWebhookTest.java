package io.scimplaybook.starter.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scimplaybook.api.PlaybookSearchAttributes;
import io.scimplaybook.api.input.PlaybookOptions;
import io.scimplaybook.api.input.ScimFailureEvent;
import io.scimplaybook.testkit.SignalLog;
import io.scimplaybook.testkit.TemporalTestServer;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionDescription;
import io.temporal.worker.WorkerFactory;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The webhook over real HTTP, with the client temporal-spring-boot-starter builds from
 * {@code spring.temporal.connection.target}, against the test server and the fake playbook.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "scim-playbook.webhook.bearer-token=" + FailureEventWebhookTest.TOKEN,
    "scim-playbook.webhook.hmac-key=" + FailureEventWebhookTest.HMAC_KEY})
public class FailureEventWebhookTest {

  public static final String TOKEN = "hook-token-0123456789abcdef";
  static final String HMAC_KEY = "hmac-key-fedcba9876543210";
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
  @Autowired ApplicationContext context;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void theClientComesFromTheTemporalStarterAndNoWorkerRuns() {
    assertThat(context.getBeansOfType(WorkflowClient.class)).hasSize(1);
    assertThat(context.getBeansOfType(WorkerFactory.class)).isEmpty();
  }

  @Test
  void aFailureEventStartsThePlaybookAndReachesItAsAWebhookEvent() throws Exception {
    HttpResponse<String> response = post(
        "{\"accountId\":\"4711\",\"sourceId\":\"src_1\",\"time\":\"2025-06-01T08:30:00Z\","
            + "\"reason\":\"SCIM server returned 401\",\"storyId\":\"story-9\"}");

    assertThat(response.statusCode()).isEqualTo(202);
    JsonNode body = json.readTree(response.body());
    assertThat(body.get("workflowId").asText()).isEqualTo("scim-playbook-4711-src_1");
    assertThat(body.get("runId").asText()).isNotBlank();

    SignalLog log = temporal.awaitReceived("scim-playbook-4711-src_1", l -> l.failures().size() == 1);
    assertThat(log.failures().get(0)).isEqualTo(new ScimFailureEvent("4711", "src_1",
        Instant.parse("2025-06-01T08:30:00Z"), "SCIM server returned 401", "story-9", ScimFailureEvent.ORIGIN_WEBHOOK));
    assertThat(log.input().accountId()).isEqualTo("4711");
    assertThat(log.input().sourceId()).isEqualTo("src_1");
    assertThat(log.input().options()).isEqualTo(PlaybookOptions.defaults());

    WorkflowExecutionDescription run = temporal.client().newUntypedWorkflowStub("scim-playbook-4711-src_1").describe();
    assertThat(run.getTaskQueue()).isEqualTo("scim-playbook");
    assertThat(run.getTypedSearchAttributes().get(PlaybookSearchAttributes.ACCOUNT_ID)).isEqualTo("4711");
    assertThat(run.getTypedSearchAttributes().get(PlaybookSearchAttributes.SOURCE_ID)).isEqualTo("src_1");
  }

  @Test
  void twoEventsForOneSourceAreOneRunWithTwoSignals() throws Exception {
    HttpResponse<String> first = post(event("5001", "a", "first"));
    HttpResponse<String> second = post(event("5001", "a", "second"));

    assertThat(first.statusCode()).isEqualTo(202);
    assertThat(second.statusCode()).isEqualTo(202);
    JsonNode one = json.readTree(first.body());
    JsonNode two = json.readTree(second.body());
    assertThat(two.get("workflowId").asText()).isEqualTo(one.get("workflowId").asText()).isEqualTo("scim-playbook-5001-a");
    assertThat(two.get("runId").asText()).isEqualTo(one.get("runId").asText());

    SignalLog log = temporal.awaitReceived("scim-playbook-5001-a", l -> l.failures().size() == 2);
    assertThat(log.failures()).extracting(ScimFailureEvent::reason).containsExactly("first", "second");
  }

  @Test
  void concurrentFirstEventsAreAllDelivered() throws Exception {
    int events = 6;
    ExecutorService pool = Executors.newFixedThreadPool(events);
    try {
      List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
      for (int i = 0; i < events; i++) {
        String body = event("5002", "storm", "event " + i);
        calls.add(() -> post(body));
      }
      for (Future<HttpResponse<String>> f : pool.invokeAll(calls)) {
        assertThat(f.get().statusCode()).as(f.get().body()).isEqualTo(202);
      }
    } finally {
      pool.shutdownNow();
    }
    SignalLog log = temporal.awaitReceived("scim-playbook-5002-storm", l -> l.failures().size() == events);
    assertThat(log.failures()).hasSize(events);
  }

  static Stream<Arguments> badEvents() {
    return Stream.of(
        Arguments.of("malformed JSON", "{\"accountId\":\"6001\",", "6001", "is not valid JSON"),
        Arguments.of("empty body", "", null, "body is empty"),
        Arguments.of("not an object", "[\"6002\"]", null, "must be a JSON object"),
        Arguments.of("missing accountId", "{\"sourceId\":\"a\",\"time\":\"2025-06-01T08:30:00Z\",\"reason\":\"r\"}",
            null, "accountId is required"),
        Arguments.of("sourceId not a plain id", "{\"accountId\":\"6003\",\"sourceId\":\"a b\","
            + "\"time\":\"2025-06-01T08:30:00Z\",\"reason\":\"r\"}", "6003", "sourceId must be 1-64 letters"),
        Arguments.of("missing time", "{\"accountId\":\"6004\",\"sourceId\":\"a\",\"reason\":\"r\"}", "6004",
            "time is required"),
        Arguments.of("missing reason", "{\"accountId\":\"6005\",\"sourceId\":\"a\",\"time\":\"2025-06-01T08:30:00Z\"}",
            "6005", "reason is required"),
        Arguments.of("blank reason", "{\"accountId\":\"6006\",\"sourceId\":\"a\",\"time\":\"2025-06-01T08:30:00Z\","
            + "\"reason\":\"  \"}", "6006", "reason must not be blank"),
        Arguments.of("accountId not a plain id", event("60 07", "a", "r"), null,
            "accountId must be a Cato account id (1-20 digits), got '60 07'"),
        Arguments.of("accountId not a Cato account id (digits)", event("acme", "a", "r"), null,
            "accountId must be a Cato account id (1-20 digits), got 'acme'"),
        Arguments.of("reason with a control character", event("6017", "a", "log\\u001b[2J"), "6017",
            "reason holds a control character U+001B at index 3"),
        Arguments.of("reason with an unpaired surrogate escape", event("6018", "a", "x\\ud800"), "6018",
            "reason holds an unpaired surrogate U+D800 at index 1"),
        Arguments.of("reason longer than 4096", event("6019", "a", "r".repeat(4097)), "6019",
            "reason must be at most 4096 characters, got 4097"),
        Arguments.of("eventId with a space", "{\"accountId\":\"6020\",\"sourceId\":\"a\","
            + "\"time\":\"2025-06-01T08:30:00Z\",\"reason\":\"r\",\"eventId\":\"ev 1\"}", "6020",
            "eventId must be visible ASCII characters without spaces, got 'ev 1'"),
        Arguments.of("storyId with a line break", "{\"accountId\":\"6021\",\"sourceId\":\"a\","
            + "\"time\":\"2025-06-01T08:30:00Z\",\"reason\":\"r\",\"storyId\":\"s\\n1\"}", "6021",
            "storyId holds a control character U+000A at index 1"),
        Arguments.of("sourceId not a plain id", event("6008", "src/1", "r"), null,
            "sourceId must be 1-64 letters, digits, '_' or '.', got 'src/1'"),
        Arguments.of("accountId not a string", "{\"accountId\":6009,\"sourceId\":\"a\",\"time\":\"2025-06-01T08:30:00Z\","
            + "\"reason\":\"r\"}", null, "accountId must be a string"),
        Arguments.of("unparseable time", "{\"accountId\":\"6010\",\"sourceId\":\"a\",\"time\":\"yesterday\","
            + "\"reason\":\"r\"}", "6010", "time must be an ISO-8601 instant such as 2025-06-01T08:30:00Z, got 'yesterday'"),
        Arguments.of("a time before any event (once wedged its run)", "{\"accountId\":\"6015\",\"sourceId\":\"a\","
            + "\"time\":\"-1000000000-01-01T00:00:00Z\",\"reason\":\"r\"}", "6015", "is more than ten years before"),
        Arguments.of("a time far ahead", "{\"accountId\":\"6016\",\"sourceId\":\"a\","
            + "\"time\":\"2999-01-01T00:00:00Z\",\"reason\":\"r\"}", "6016", "is more than a day ahead of"),
        Arguments.of("unknown field (typo)", "{\"accountId\":\"6011\",\"sourceId\":\"a\",\"time\":\"2025-06-01T08:30:00Z\","
            + "\"reason\":\"r\",\"storyID\":\"s\"}", "6011", "unknown field 'storyID'"),
        Arguments.of("duplicate field", "{\"accountId\":\"6012\",\"accountId\":\"6012\",\"sourceId\":\"a\","
            + "\"time\":\"2025-06-01T08:30:00Z\",\"reason\":\"r\"}", "6012", "Duplicate field 'accountId'"),
        Arguments.of("content after the object", event("6013", "a", "r") + " {}", "6013", "is not valid JSON"),
        Arguments.of("storyId not a string", "{\"accountId\":\"6014\",\"sourceId\":\"a\",\"time\":\"2025-06-01T08:30:00Z\","
            + "\"reason\":\"r\",\"storyId\":42}", "6014", "storyId must be a string when given"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badEvents")
  void aBadEventIsRefusedWith400NamingTheProblemAndStartsNothing(
      String label, String body, String accountId, String message) throws Exception {
    int openBefore = temporal.openRuns();

    HttpResponse<String> response = post(body);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    assertThat(json.readTree(response.body()).get("error").asText()).contains(message);
    assertNothingStarted(openBefore, accountId);
  }

  /** The byte sequences of issue 12: Jackson's decoder once turned them into '/' and an unpaired U+D800 in the run. */
  static Stream<Arguments> invalidUtf8() {
    return Stream.of(
        Arguments.of("overlong '/' (C0 AF)", new byte[] {(byte) 0xC0, (byte) 0xAF}),
        Arguments.of("CESU-8 surrogate (ED A0 80)", new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}),
        Arguments.of("cut-short sequence (E2 82)", new byte[] {(byte) 0xE2, (byte) 0x82}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidUtf8")
  void aBodyThatIsNotValidUtf8IsRefusedWith400NamingTheByteAndStartsNothing(String label, byte[] bad)
      throws Exception {
    int openBefore = temporal.openRuns();
    String prefix = "{\"accountId\":\"6201\",\"sourceId\":\"a\",\"time\":\"2025-06-01T08:30:00Z\",\"reason\":\"x";
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(prefix.getBytes(StandardCharsets.US_ASCII));
    body.write(bad);
    body.write("y\"}".getBytes(StandardCharsets.US_ASCII));

    HttpResponse<String> response = http.send(request("application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json.readTree(response.body()).get("error").asText())
        .startsWith("the body is not valid UTF-8 at byte " + prefix.length());
    assertNothingStarted(openBefore, "6201");
  }

  @Test
  void aBodyThatIsNotJsonByContentTypeIsRefusedWith415() throws Exception {
    int openBefore = temporal.openRuns();

    HttpResponse<String> response = http.send(request("text/plain").POST(HttpRequest.BodyPublishers.ofString(
        event("6101", "a", "r"))).build(), HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(415);
    assertThat(json.readTree(response.body()).get("error").asText())
        .isEqualTo("Content-Type must be application/json, got 'text/plain'");
    assertNothingStarted(openBefore, "6101");
  }

  @Test
  void aBodyWithoutContentTypeIsRefusedWith415() throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri()).header("Authorization", "Bearer " + TOKEN)
        .POST(HttpRequest.BodyPublishers.ofString(event("6102", "a", "r"))).build(), HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(415);
    assertThat(json.readTree(response.body()).get("error").asText()).contains("Content-Type must be application/json");
    assertThat(temporal.exists("scim-playbook-6102-a")).isFalse();
  }

  @Test
  void aBodyOver64KiBIsRefusedWith413() throws Exception {
    int openBefore = temporal.openRuns();

    HttpResponse<String> response = post(event("6201", "a", "x".repeat(64 * 1024)));

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(json.readTree(response.body()).get("error").asText()).contains("larger than 65536 bytes");
    assertNothingStarted(openBefore, "6201");
  }

  @Test
  void aChunkedBodyOver64KiBIsRefusedWith413() throws Exception {
    byte[] big = event("6202", "a", "y".repeat(70 * 1024)).getBytes();
    // A stream publisher of unknown length makes the client send chunked, without Content-Length.
    HttpResponse<String> response = http.send(request("application/json")
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big))).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(temporal.exists("scim-playbook-6202-a")).isFalse();
  }

  /** The CMA template as the README tells an admin to paste it, filled the way the CMA fills it. */
  static String catoEvent(String subType, String action, String accountId, String resourceId) {
    return "{\"event_type\":\"System\",\"event_sub_type\":\"" + subType + "\",\"action\":\"" + action + "\","
        + "\"account_id\":\"" + accountId + "\",\"resource_id\":\"" + resourceId + "\",\"resource_name\":\"Entra ID SCIM\","
        + "\"failure_reason\":\"SCIM server returned 401 Unauthorized\","
        + "\"event_message\":\"SCIM provisioning from Entra ID SCIM failed: SCIM server returned 401 Unauthorized\","
        + "\"story_id\":\"story-31\",\"event_id\":\"ev-1\",\"time\":\"2025-06-01T08:30:00Z\"}";
  }

  @Test
  void theCmaTemplateStartsThePlaybookWithCatosFieldsMapped() throws Exception {
    HttpResponse<String> response = post(catoEvent("SCIM Provisioning", "Failed", "6401", "src_9"));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    assertThat(json.readTree(response.body()).get("workflowId").asText()).isEqualTo("scim-playbook-6401-src_9");
    SignalLog log = temporal.awaitReceived("scim-playbook-6401-src_9", l -> l.failures().size() == 1);
    assertThat(log.failures().get(0)).isEqualTo(new ScimFailureEvent("6401", "src_9",
        Instant.parse("2025-06-01T08:30:00Z"), "SCIM server returned 401 Unauthorized", "story-31",
        ScimFailureEvent.ORIGIN_WEBHOOK, "ev-1", "Entra ID SCIM",
        "SCIM provisioning from Entra ID SCIM failed: SCIM server returned 401 Unauthorized"));
  }

  @Test
  void theCmaTemplateTakesEpochMillisNumericIdsAndFallsBackToTheEventMessage() throws Exception {
    HttpResponse<String> response = post("{\"event_sub_type\":\"scim provisioning\",\"action\":\"failed\","
        + "\"account_id\":6402,\"resource_id\":\"7\",\"failure_reason\":\"\",\"event_message\":\"sync failed\","
        + "\"story_id\":\"\",\"time\":\"1748766600000\"}");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    SignalLog log = temporal.awaitReceived("scim-playbook-6402-7", l -> l.failures().size() == 1);
    assertThat(log.failures().get(0)).isEqualTo(new ScimFailureEvent("6402", "7",
        Instant.parse("2025-06-01T08:30:00Z"), "sync failed", null, ScimFailureEvent.ORIGIN_WEBHOOK, null, null,
        "sync failed"));
  }

  /**
   * Cato does not promise resource_id on SCIM events (the schema: "the ID of the resource in the cloud provider"), so
   * a template event without it (or with it empty, as a CMA leaves an unfilled variable) is accepted and held by the
   * account's event router until the worker, which knows the configured sources, attributes it.
   */
  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"absent", "empty"})
  void aTemplateEventWithoutResourceIdGoesToTheAccountsRouter(String how) throws Exception {
    String accountId = "absent".equals(how) ? "6701" : "6702";
    String body = catoEvent("SCIM Provisioning", "Failed", accountId, "x");
    body = "absent".equals(how) ? body.replace("\"resource_id\":\"x\",", "") : body.replace("\"resource_id\":\"x\"",
        "\"resource_id\":\"\"");

    HttpResponse<String> response = post(body);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    JsonNode answer = json.readTree(response.body());
    assertThat(answer.get("workflowId").asText()).isEqualTo("scim-playbook-router-" + accountId);
    assertThat(answer.get("runId").asText()).isNotBlank();
    assertThat(temporal.exists("scim-playbook-router-" + accountId)).isTrue();
    assertThat(temporal.exists("scim-playbook-" + accountId + "-x")).isFalse();
  }

  @Test
  void aPlainEventWithoutSourceIdGoesToTheAccountsRouter() throws Exception {
    HttpResponse<String> response = post("{\"accountId\":\"6703\",\"time\":\"2025-06-01T08:30:00Z\","
        + "\"reason\":\"SCIM server returned 401\",\"resourceName\":\"Okta\"}");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    assertThat(json.readTree(response.body()).get("workflowId").asText()).isEqualTo("scim-playbook-router-6703");
  }

  static Stream<Arguments> otherCatoEvents() {
    return Stream.of(
        Arguments.of(catoEvent("Connectivity", "Failed", "6501", "a"), "event_sub_type 'Connectivity' with action 'Failed'"),
        Arguments.of(catoEvent("SCIM Provisioning", "Succeeded", "6502", "a"),
            "event_sub_type 'SCIM Provisioning' with action 'Succeeded' is not SCIM Provisioning / Failed"),
        // Another event filled into the same template leaves the SCIM fields empty; that is no reason to refuse it.
        Arguments.of("{\"event_type\":\"Security\",\"event_sub_type\":\"IPS\",\"action\":\"Block\",\"account_id\":\"6503\","
            + "\"resource_id\":\"\",\"failure_reason\":\"\",\"time\":\"\"}", "event_sub_type 'IPS'"));
  }

  @ParameterizedTest
  @MethodSource("otherCatoEvents")
  void anotherCatoEventIsAcknowledgedAsIgnoredAndStartsNothing(String body, String reason) throws Exception {
    int openBefore = temporal.openRuns();

    HttpResponse<String> response = post(body);

    assertThat(response.statusCode()).isEqualTo(202);
    JsonNode answer = json.readTree(response.body());
    assertThat(answer.get("ignored").asText()).contains(reason).endsWith("nothing was started");
    assertThat(answer.has("workflowId")).isFalse();
    assertThat(temporal.openRuns()).isEqualTo(openBefore);
    String accountId = body.replaceAll(".*\"account_id\":\"(\\d+)\".*", "$1");
    assertThat(temporal.exists("scim-playbook-" + accountId + "-a")).isFalse();
  }

  static Stream<Arguments> badCatoEvents() {
    String good = catoEvent("SCIM Provisioning", "Failed", "6601", "a");
    return Stream.of(
        Arguments.of("unknown field (template typo)", good.replace("\"story_id\"", "\"storyid\""), "6601",
            "unknown field 'storyid' (accepted: event_type, event_sub_type, action, account_id, resource_id"),
        Arguments.of("unknown field on an event that would be ignored",
            catoEvent("IPS", "Block", "6602", "a").replace("\"event_id\"", "\"eventid\""), "6602", "unknown field 'eventid'"),
        Arguments.of("resource_id given but not a plain id", good.replace("\"resource_id\":\"a\"",
            "\"resource_id\":\"a/b\""), "6601", "resource_id must be 1-64 letters"),
        Arguments.of("missing account_id", good.replace("\"account_id\":\"6601\",", ""), null,
            "account_id is required"),
        Arguments.of("missing action", good.replace("\"action\":\"Failed\",", ""), "6601", "action is required"),
        Arguments.of("event_message with a NUL", good.replace("SCIM provisioning from Entra ID", "SCIM\\u0000"),
            "6601", "event_message holds a control character U+0000 at index 4"),
        Arguments.of("invalid account_id", catoEvent("SCIM Provisioning", "Failed", "66 03", "a"), null,
            "account_id must be a Cato account id (1-20 digits), got '66 03'"),
        Arguments.of("no reason at all", good.replace("SCIM server returned 401 Unauthorized", "")
            .replace("SCIM provisioning from Entra ID SCIM failed: ", ""), "6601",
            "failure_reason or event_message is required"),
        Arguments.of("unparseable time", good.replace("2025-06-01T08:30:00Z", "last tuesday"), "6601",
            "time must be epoch milliseconds or an ISO-8601 instant"),
        Arguments.of("epoch milliseconds beyond long (once became year 6,351,645)",
            good.replace("\"2025-06-01T08:30:00Z\"", "200000000000000000000"), "6601", "is not epoch milliseconds"),
        Arguments.of("epoch milliseconds far ahead", good.replace("\"2025-06-01T08:30:00Z\"", "9223372036854775807"),
            "6601", "is more than a day ahead of"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badCatoEvents")
  void aBadCmaTemplateBodyIsRefusedWith400NamingTheProblemAndStartsNothing(
      String label, String body, String accountId, String message) throws Exception {
    int openBefore = temporal.openRuns();

    HttpResponse<String> response = post(body);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(json.readTree(response.body()).get("error").asText()).contains(message);
    assertNothingStarted(openBefore, accountId);
  }

  private void assertNothingStarted(int openBefore, String accountId) {
    assertThat(temporal.openRuns()).isEqualTo(openBefore);
    if (accountId != null) {
      assertThat(temporal.exists("scim-playbook-" + accountId + "-a")).isFalse();
      assertThat(temporal.exists("scim-playbook-router-" + accountId)).isFalse();
    }
  }

  public static String event(String accountId, String sourceId, String reason) {
    return "{\"accountId\":\"" + accountId + "\",\"sourceId\":\"" + sourceId
        + "\",\"time\":\"2025-06-01T08:30:00Z\",\"reason\":\"" + reason + "\"}";
  }

  private HttpResponse<String> post(String body) throws Exception {
    return http.send(request("application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> send(HttpRequest.Builder request, String body) throws Exception {
    return http.send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** An authenticated request: the bearer token the CMA would send. */
  private HttpRequest.Builder request(String contentType) {
    return unauthenticated(contentType).header("Authorization", "Bearer " + TOKEN);
  }

  private HttpRequest.Builder unauthenticated(String contentType) {
    return HttpRequest.newBuilder(uri()).header("Content-Type", contentType);
  }

  private URI uri() {
    return URI.create("http://127.0.0.1:" + port + "/events/scim-failure");
  }
}
