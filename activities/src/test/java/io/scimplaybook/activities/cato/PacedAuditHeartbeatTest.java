package io.scimplaybook.activities.cato;

import static io.scimplaybook.activities.cato.CatoFixtures.API_KEY;
import static io.scimplaybook.activities.cato.CatoFixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import io.scimplaybook.activities.pacing.LocalPacer;
import io.scimplaybook.activities.pacing.PaceLimitTable;
import io.scimplaybook.activities.pacing.PacingInterceptor;
import io.scimplaybook.api.activities.CatoActivities;
import io.scimplaybook.api.findings.AuditQuery;
import io.scimplaybook.api.findings.ConfigChange;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.testing.TestActivityEnvironment;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A paced call heartbeats while it waits and before it goes. It must re-send the activity's own progress, never a
 * blank: findDomainChanges keeps its audit pages in its heartbeat details, and a blank would make its retry start over.
 */
class PacedAuditHeartbeatTest {
  private static final AuditQuery AUDIT = new AuditQuery("12345", "src-1",
      Instant.parse("2026-11-29T04:00:00Z"), Instant.parse("2026-11-29T08:00:00Z"));

  private MockWebServer server;
  private CatoActivitiesImpl activities;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start();
    OkHttpClient paced = new OkHttpClient.Builder()
        .addInterceptor(new PacingInterceptor(new LocalPacer(Duration.ZERO, Clock.systemUTC()),
            PaceLimitTable.documented(Duration.ZERO), Clock.systemUTC()))
        .build();
    activities = new CatoActivitiesImpl(new CatoGraphqlClient(
        new CatoApiSettings(server.url("/api/v1/graphql2").toString(), API_KEY, Duration.ofSeconds(5)), paced));
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  @Test
  void aPacedCallResendsTheActivitysOwnProgress() {
    ConfigChange earlier = new ConfigChange("Cato audit trail", Instant.parse("2026-11-29T04:30:00Z"),
        "automation-key", "CREATED", "Domain", "fabrikam.com", "CREATED Domain \"fabrikam.com\"");
    server.enqueue(fixture("auditFeed-page2.json"));
    TestActivityEnvironment env = TestActivityEnvironment.newInstance();
    try {
      env.registerActivitiesImplementations(activities);
      env.setHeartbeatDetails(new AuditFeedProgress("marker-page-1", 1, List.of(earlier)));
      List<AuditFeedProgress> heartbeats = new ArrayList<>();
      env.setActivityHeartbeatListener(AuditFeedProgress.class, heartbeats::add);
      CatoActivities stub = env.newActivityStub(CatoActivities.class, ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofSeconds(30))
          .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
          .build());

      stub.findDomainChanges(AUDIT);

      // The pacer's heartbeat before the page call carries the earlier attempt's progress, not a blank. (The page's
      // own heartbeat right after falls inside the SDK's heartbeat throttle and is not sent before completion.)
      assertThat(heartbeats).isNotEmpty().doesNotContainNull();
      assertThat(heartbeats.get(0).marker()).isEqualTo("marker-page-1");
      assertThat(heartbeats.get(0).changes()).extracting(ConfigChange::objectName).containsExactly("fabrikam.com");
    } finally {
      env.close();
    }
  }
}
