package io.scimplaybook.starter.poller;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimplaybook.starter.webhook.FailureEventWebhookTest;
import io.scimplaybook.starter.webhook.WebhookHttp;
import io.scimplaybook.testkit.TemporalTestServer;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Temporal down at boot: each configured poller's failure is logged, and the webhook comes up all the same. */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "scim-playbook.webhook.temporal-timeout=PT1S",
    "scim-playbook.webhook.bearer-token=" + FailureEventWebhookTest.TOKEN,
    "scim-playbook.poller.accounts=9501,9502"})
class PollerBootstrapTemporalDownTest {

  @DynamicPropertySource
  static void deadTemporal(DynamicPropertyRegistry registry) {
    int port = TemporalTestServer.freePort();
    registry.add("spring.temporal.connection.target", () -> "127.0.0.1:" + port);
  }

  @LocalServerPort int port;

  @Test
  void everyAccountsFailureIsLoggedAndTheWebhookStillAnswers(CapturedOutput output) throws Exception {
    HttpResponse<String> response = new WebhookHttp(HttpClient.newHttpClient(), port)
        .postBearer(FailureEventWebhookTest.TOKEN, FailureEventWebhookTest.event("9501", "a", "r"));

    // 503, not a refused connection: the server is up and says Temporal is the problem.
    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(output.getAll())
        .contains("could not start the events-feed poller of account 9501")
        .contains("could not start the events-feed poller of account 9502")
        .doesNotContain(FailureEventWebhookTest.TOKEN);
  }
}
