package io.scimplaybook.starter.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.scimplaybook.api.input.ScimFailureEvent;
import io.scimplaybook.testkit.SignalLog;
import io.scimplaybook.testkit.TemporalTestServer;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The sender's event id reaches the run: the playbook counts a repeated id once, so a CMA that retries a delivery it
 * thinks failed does not inflate the run's failure count. The fake playbook records signals as they arrive.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "scim-playbook.webhook.bearer-token=" + WebhookEventIdTest.TOKEN)
class WebhookEventIdTest {

  static final String TOKEN = "event-id-token-0123456789";
  static final TemporalTestServer temporal = TemporalTestServer.start();

  @DynamicPropertySource
  static void temporalTarget(DynamicPropertyRegistry registry) {
    registry.add("spring.temporal.connection.target", temporal::target);
  }

  @AfterAll
  static void stopTemporal() {
    temporal.close();
  }

  @LocalServerPort int port;

  private WebhookHttp webhook() {
    return new WebhookHttp(HttpClient.newHttpClient(), port);
  }

  private static String cmaEvent(String accountId, String eventId) {
    return "{\"event_type\":\"System\",\"event_sub_type\":\"SCIM Provisioning\",\"action\":\"Failed\","
        + "\"account_id\":\"" + accountId + "\",\"resource_id\":\"7\",\"resource_name\":\"Entra ID SCIM\","
        + "\"failure_reason\":\"SCIM server returned 401 Unauthorized\",\"event_message\":\"\",\"story_id\":\"\","
        + "\"event_id\":\"" + eventId + "\",\"time\":\"1748766600000\"}";
  }

  @Test
  void theCmaTemplatesEventIdArrivesWithEveryDeliveryOfTheEvent() throws Exception {
    WebhookHttp hook = webhook();
    // The CMA retrying one occurrence, then a second occurrence.
    assertThat(hook.postBearer(TOKEN, cmaEvent("8801", "1748766600000-abc")).statusCode()).isEqualTo(202);
    assertThat(hook.postBearer(TOKEN, cmaEvent("8801", "1748766600000-abc")).statusCode()).isEqualTo(202);
    assertThat(hook.postBearer(TOKEN, cmaEvent("8801", "1748766660000-def")).statusCode()).isEqualTo(202);

    SignalLog log = temporal.awaitReceived("scim-playbook-8801-7", l -> l.failures().size() == 3);
    assertThat(log.failures()).extracting(ScimFailureEvent::eventId)
        .containsExactly("1748766600000-abc", "1748766600000-abc", "1748766660000-def");
    assertThat(log.failures()).extracting(ScimFailureEvent::origin).containsOnly(ScimFailureEvent.ORIGIN_WEBHOOK);
  }

  @Test
  void anEmptyEventIdIsNoIdSoEachDeliveryCounts() throws Exception {
    assertThat(webhook().postBearer(TOKEN, cmaEvent("8802", "")).statusCode()).isEqualTo(202);

    SignalLog log = temporal.awaitReceived("scim-playbook-8802-7", l -> l.failures().size() == 1);
    assertThat(log.failures().get(0).eventId()).isNull();
  }

  @Test
  void thePlainFormatMayCarryAnEventIdToo() throws Exception {
    HttpResponse<String> response = webhook().postBearer(TOKEN, "{\"accountId\":\"8803\",\"sourceId\":\"7\","
        + "\"time\":\"2025-06-01T08:30:00Z\",\"reason\":\"SCIM server returned 401\",\"eventId\":\" relay-42 \"}");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    SignalLog log = temporal.awaitReceived("scim-playbook-8803-7", l -> l.failures().size() == 1);
    assertThat(log.failures().get(0).eventId()).isEqualTo("relay-42");
  }

  @Test
  void anOverlongEventIdIsRefusedWith400AndStartsNothing() throws Exception {
    HttpResponse<String> cma = webhook().postBearer(TOKEN, cmaEvent("8804", "e".repeat(129)));
    HttpResponse<String> plain = webhook().postBearer(TOKEN, "{\"accountId\":\"8805\",\"sourceId\":\"7\","
        + "\"time\":\"2025-06-01T08:30:00Z\",\"reason\":\"r\",\"eventId\":\"" + "e".repeat(129) + "\"}");

    assertThat(cma.statusCode()).isEqualTo(400);
    assertThat(new ObjectMapper().readTree(cma.body()).get("error").asText())
        .isEqualTo("event_id must be at most 128 characters, got 129");
    assertThat(plain.statusCode()).isEqualTo(400);
    assertThat(new ObjectMapper().readTree(plain.body()).get("error").asText())
        .isEqualTo("eventId must be at most 128 characters, got 129");
    assertThat(temporal.exists("scim-playbook-8804-7")).isFalse();
    assertThat(temporal.exists("scim-playbook-8805-7")).isFalse();
  }

  @Test
  void anEventIdThatIsNotAStringIsRefusedWith400() throws Exception {
    HttpResponse<String> response = webhook().postBearer(TOKEN, cmaEvent("8806", "x").replace("\"x\"", "17"));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(new ObjectMapper().readTree(response.body()).get("error").asText())
        .isEqualTo("event_id must be a string when given, got a JSON number");
    assertThat(temporal.exists("scim-playbook-8806-7")).isFalse();
  }
}
