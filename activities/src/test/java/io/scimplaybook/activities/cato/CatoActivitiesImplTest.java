package io.scimplaybook.activities.cato;

import static io.scimplaybook.activities.cato.CatoFixtures.API_KEY;
import static io.scimplaybook.activities.cato.CatoFixtures.body;
import static io.scimplaybook.activities.cato.CatoFixtures.fixture;
import static io.scimplaybook.activities.cato.CatoFixtures.graphqlError;
import static io.scimplaybook.activities.cato.CatoFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimplaybook.api.activities.CatoActivities;
import io.scimplaybook.api.activities.FailureTypes;
import io.scimplaybook.api.findings.AuditQuery;
import io.scimplaybook.api.findings.ConfigChange;
import io.scimplaybook.api.findings.ConfigChanges;
import io.scimplaybook.api.findings.EventFindings;
import io.scimplaybook.api.findings.FailureRecord;
import io.scimplaybook.api.findings.StoryFindings;
import io.scimplaybook.api.findings.StorySummary;
import io.scimplaybook.api.findings.VerificationQuery;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CatoActivitiesImplTest {
  private static final Instant FROM = Instant.parse("2026-11-29T06:00:00Z");
  private static final Instant TO = Instant.parse("2026-11-29T08:00:00Z");
  private static final VerificationQuery VERIFY = new VerificationQuery("12345", "src-1", FROM, TO, null);
  private static final AuditQuery AUDIT =
      new AuditQuery("12345", "src-1", Instant.parse("2026-11-29T04:00:00Z"), TO);

  private MockWebServer server;
  private CatoActivitiesImpl activities;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start();
    activities = new CatoActivitiesImpl(new CatoGraphqlClient(
        new CatoApiSettings(server.url("/api/v1/graphql2").toString(), API_KEY, Duration.ofSeconds(5))));
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  @Test
  void failureEventsOfAnotherSourceAreDroppedAndUnnamedOnesKept() throws Exception {
    server.enqueue(fixture("events.response.json"));

    EventFindings findings = activities.findFailureEvents(VERIFY);

    assertThat(body(server.takeRequest()).path("variables").path("timeFrame").asText())
        .isEqualTo("utc.2026-11-29/{06:00:00--08:00:00}");
    // Sorted by time; src-2's record is gone; the Succeeded record never was one.
    assertThat(findings.events()).containsExactly(
        new FailureRecord(Instant.parse("2026-11-29T06:50:00Z"), null, "Internal Server Error", null,
            "Internal Server Error"),
        new FailureRecord(Instant.parse("2026-11-29T07:30:00Z"), "src-1", "Invalid credentials", "story-42",
            "SCIM request rejected: 401"));
  }

  @Test
  void scimStoriesBecomeSummariesWithTheirStatus() {
    server.enqueue(fixture("stories-page1.json"));
    server.enqueue(fixture("stories-page2.json"));

    StoryFindings findings = activities.findScimStories(VERIFY);

    assertThat(findings.stories()).containsExactly(
        new StorySummary("story-42", "SCIM Provisioning Failure", "Open", Instant.parse("2026-11-29T06:05:00Z"),
            Instant.parse("2026-11-29T07:31:00Z"), "SCIM provisioning from Entra ID is failing"),
        new StorySummary("story-44", "Directory services: scim sync errors", "Monitoring",
            Instant.parse("2026-11-29T07:00:00Z"), Instant.parse("2026-11-29T07:50:00Z"), "Directory sync errors"));
  }

  @Test
  void theTriggersStoryIsLookedUpWhenItWasCreatedBeforeTheWindow() throws Exception {
    server.enqueue(json("{\"data\":{\"xdr\":{\"stories\":{\"paging\":{\"from\":0,\"limit\":100,\"total\":0},"
        + "\"items\":[]}}}}"));
    server.enqueue(fixture("story.response.json"));

    StoryFindings findings =
        activities.findScimStories(new VerificationQuery("12345", "src-1", FROM, TO, "story-42"));

    server.takeRequest();
    assertThat(body(server.takeRequest()).path("variables").path("storyId").asText()).isEqualTo("story-42");
    assertThat(findings.stories()).extracting(StorySummary::id).containsExactly("story-42");
  }

  @Test
  void aFailedLookupOfTheTriggersStoryKeepsTheStoriesFound() {
    server.enqueue(fixture("stories-page1.json"));
    server.enqueue(fixture("stories-page2.json"));
    server.enqueue(graphqlError("story not found"));

    StoryFindings findings =
        activities.findScimStories(new VerificationQuery("12345", "src-1", FROM, TO, "story-old"));

    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(findings.stories()).extracting(StorySummary::id).containsExactly("story-42", "story-44");
  }

  @Test
  void domainChangesComeFromEveryPageAsCatoAuditTrailChanges() throws Exception {
    server.enqueue(fixture("auditFeed-page1.json"));
    server.enqueue(fixture("auditFeed-page2.json"));

    ConfigChanges changes = activities.findDomainChanges(AUDIT);

    JsonNode variables = body(server.takeRequest()).path("variables");
    assertThat(variables.path("timeFrame").asText()).isEqualTo("utc.2026-11-29/{04:00:00--08:00:00}");
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(changes.changes()).extracting(ConfigChange::origin).containsOnly("Cato audit trail");
    // Ordered by time across pages.
    assertThat(changes.changes()).extracting(ConfigChange::time).containsExactly(
        Instant.parse("2026-11-29T04:30:00Z"), Instant.parse("2026-11-29T05:10:00Z"),
        Instant.parse("2026-11-29T05:45:00Z"));
    ConfigChange modified = changes.changes().get(1);
    assertThat(modified.actor()).isEqualTo("Dana Admin");
    assertThat(modified.changeType()).isEqualTo("MODIFIED");
    assertThat(modified.objectType()).isEqualTo("Domain");
    assertThat(modified.objectName()).isEqualTo("contoso.com");
    assertThat(modified.description())
        .isEqualTo("MODIFIED Domain \"contoso.com\" by Dana Admin (module=configuration)");
  }

  @Test
  void storyStatusIsRead() {
    server.enqueue(fixture("story.response.json"));

    StorySummary story = activities.getStory("12345", "story-42");

    assertThat(story.status()).isEqualTo("Monitoring");
    assertThat(story.isOngoing()).isTrue();
  }

  @Test
  void aStoryCatoNoLongerListsIsNull() {
    server.enqueue(json("{\"data\":{\"xdr\":{\"story\":null}}}"));

    assertThat(activities.getStory("12345", "gone")).isNull();
  }

  @Test
  void aStoryReadThatFailsIsAFailureNotNull() {
    server.enqueue(new MockResponse().setResponseCode(503));

    ApplicationFailure failure =
        catchThrowableOfType(() -> activities.getStory("12345", "story-42"), ApplicationFailure.class);

    assertThat(failure.getType()).isEqualTo(FailureTypes.UNAVAILABLE);
    assertThat(failure.isNonRetryable()).isFalse();
  }

  @Test
  void http401IsAnAuthenticationFailureThatIsNeverRetried() {
    server.enqueue(new MockResponse().setResponseCode(401).setBody("{\"errors\":[{\"message\":\"bad key\"}]}"));

    ApplicationFailure failure =
        catchThrowableOfType(() -> activities.findFailureEvents(VERIFY), ApplicationFailure.class);

    assertThat(failure.getType()).isEqualTo(FailureTypes.AUTHENTICATION);
    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getOriginalMessage()).contains("401").doesNotContain(API_KEY);
  }

  @Test
  void rateLimitIsRetried() {
    server.enqueue(graphqlError("rate limit for operation: auditFeed"));

    ApplicationFailure failure =
        catchThrowableOfType(() -> activities.findDomainChanges(AUDIT), ApplicationFailure.class);

    assertThat(failure.getType()).isEqualTo(FailureTypes.RATE_LIMITED);
    assertThat(failure.isNonRetryable()).isFalse();
  }

  @Test
  void aQueryWithoutAStartIsRejectedBeforeAnyCall() {
    ApplicationFailure failure = catchThrowableOfType(
        () -> activities.findFailureEvents(new VerificationQuery("12345", "src-1", null, TO, null)),
        ApplicationFailure.class);

    assertThat(failure.getType()).isEqualTo(FailureTypes.INVALID_REQUEST);
    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void aRetriedAuditReadContinuesFromTheHeartbeatedMarker() throws Exception {
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

      ConfigChanges changes = stub.findDomainChanges(AUDIT);

      assertThat(body(server.takeRequest()).path("variables").path("marker").asText()).isEqualTo("marker-page-1");
      assertThat(changes.changes()).extracting(ConfigChange::objectName).containsExactly("fabrikam.com",
          "contoso.com");
      assertThat(heartbeats).last().satisfies(h -> {
        assertThat(h.marker()).isEqualTo("marker-page-2");
        assertThat(h.pages()).isEqualTo(2);
        assertThat(h.changes()).hasSize(2);
      });
    } finally {
      env.close();
    }
  }
}
