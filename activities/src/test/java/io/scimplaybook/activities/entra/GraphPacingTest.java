package io.scimplaybook.activities.entra;

import static io.scimplaybook.activities.entra.GraphPayloads.jsonResponse;
import static io.scimplaybook.activities.entra.GraphPayloads.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.scimplaybook.activities.http.ApiCallException;
import io.scimplaybook.activities.pacing.RecordingPacer;
import io.scimplaybook.api.pacing.PaceKey;
import java.time.Duration;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Graph calls count per tenant, provisionOnDemand apart; a 429's Retry-After pauses the tenant's key. */
class GraphPacingTest extends GraphServerTest {
  private final RecordingPacer pacer = new RecordingPacer();

  @BeforeEach
  void pacedClient() {
    client = new EntraGraphClient(GraphPayloads.settings(server),
        new OkHttpClient.Builder().addInterceptor(pacer.interceptor()).build(), clock);
  }

  @Test
  void provisionOnDemandHasItsOwnKeyAndNeitherTheTokenEndpointNorUndocumentedCallsArePaced() {
    enqueueToken();
    server.enqueue(jsonResponse(200, resource("graph-provisionOnDemand.response.json")));
    server.enqueue(jsonResponse(200, resource("graph-synchronizationJob-get.response.json")));

    client.provisionOnDemand(SP_ID, JOB_ID, "rule-1", "9bb0f679-a883-4a6f-8260-35b491b8b8c8", "User");
    client.getJob(SP_ID, JOB_ID);

    // The job read is tagged graph/{tenant}/other, which has no documented limit and none configured here.
    assertThat(pacer.turns).containsExactly(new PaceKey("graph", GraphPayloads.TENANT, "provisionOnDemand"));
  }

  @Test
  void a429sRetryAfterPausesTheTenantsProvisionOnDemandKey() {
    enqueueToken();
    server.enqueue(jsonResponse(429, resource("graph-error-429.response.json")).setHeader("Retry-After", "2.5"));

    ApiCallException failure = catchThrowableOfType(ApiCallException.class,
        () -> client.provisionOnDemand(SP_ID, JOB_ID, "rule-1", "object-1", "User"));

    assertThat(failure.retryAfter()).isEqualTo(Duration.ofMillis(2500));
    assertThat(pacer.pauses).hasSize(1);
    RecordingPacer.Pause pause = pacer.pauses.get(0);
    {
      assertThat(pause.key()).isEqualTo(new PaceKey("graph", GraphPayloads.TENANT, "provisionOnDemand"));
      assertThat(pause.duration()).isEqualTo(Duration.ofMillis(2500));
      assertThat(pause.reason()).isEqualTo("HTTP 429, Retry-After 2500 ms").doesNotContain(ACCESS_TOKEN);
    }
  }
}
