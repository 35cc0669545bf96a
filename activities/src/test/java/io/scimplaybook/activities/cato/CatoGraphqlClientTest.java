package io.scimplaybook.activities.cato;

import static io.scimplaybook.activities.cato.CatoFixtures.API_KEY;
import static io.scimplaybook.activities.cato.CatoFixtures.body;
import static io.scimplaybook.activities.cato.CatoFixtures.fixture;
import static io.scimplaybook.activities.cato.CatoFixtures.graphqlError;
import static io.scimplaybook.activities.cato.CatoFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimplaybook.activities.http.ApiCallException;
import io.scimplaybook.activities.http.ApiCallException.Kind;
import io.scimplaybook.activities.http.Redaction;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CatoGraphqlClientTest {
  private static final String TIME_FRAME = "utc.2026-11-29/{06:00:00--08:00:00}";

  private MockWebServer server;
  private CatoGraphqlClient client;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start();
    client = new CatoGraphqlClient(
        new CatoApiSettings(server.url("/api/v1/graphql2").toString(), API_KEY, Duration.ofSeconds(5)));
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  @Test
  void eventsAsksForScimProvisioningAndKeepsOnlyFailedRecords() throws Exception {
    server.enqueue(fixture("events.response.json"));

    List<CatoEvent> events = client.failedScimEvents("12345", TIME_FRAME);

    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getPath()).isEqualTo("/api/v1/graphql2");
    assertThat(request.getHeader("x-api-key")).isEqualTo(API_KEY);
    assertThat(request.getHeader("Content-Type")).startsWith("application/json");
    JsonNode body = body(request);
    assertThat(body.path("query").asText()).contains("events(accountID: $accountID, timeFrame: $timeFrame")
        .contains("filters: $filters").contains("fieldsMap");
    JsonNode variables = body.path("variables");
    assertThat(variables.path("accountID").asText()).isEqualTo("12345");
    assertThat(variables.path("timeFrame").asText()).isEqualTo(TIME_FRAME);
    JsonNode filter = variables.path("filters").get(0);
    assertThat(filter.path("fieldName").asText()).isEqualTo("event_sub_type");
    assertThat(filter.path("operator").asText()).isEqualTo("is");
    assertThat(filter.path("values").get(0).asText()).isEqualTo("SCIM Provisioning");
    assertThat(variables.path("dimensions").findValuesAsText("fieldName"))
        .contains("time", "action", "failure_reason", "event_message", "story_id");
    assertThat(variables.path("measures").get(0).path("fieldName").asText()).isEqualTo("event_count");

    assertThat(events).extracting(CatoEvent::action).containsOnly("Failed");
    assertThat(events).hasSize(3);
    assertThat(events.get(0))
        .isEqualTo(new CatoEvent(Instant.parse("2026-11-29T07:30:00Z"), "SCIM Provisioning", "Failed",
            "Invalid credentials", "SCIM request rejected: 401", "story-42", "src-1"));
    // fieldsMap.time is documented as a Linux epoch: this record carries milliseconds.
    assertThat(events.get(1).time()).isEqualTo(Instant.parse("2026-11-29T06:50:00Z"));
    assertThat(events.get(1).sourceId()).isNull();
    assertThat(events.get(1).failureReason()).isNull();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void storiesPageUntilTheTotalAndKeepOnlyScimIndications() throws Exception {
    server.enqueue(fixture("stories-page1.json"));
    server.enqueue(fixture("stories-page2.json"));

    List<CatoStory> stories = client.scimStories("12345", TIME_FRAME);

    assertThat(stories).extracting(CatoStory::id).containsExactly("story-42", "story-44");
    assertThat(stories.get(0).incident().status()).isEqualTo("Open");
    assertThat(stories.get(0).createdAt()).isEqualTo(Instant.parse("2026-11-29T06:05:00Z"));
    assertThat(stories.get(1).incident().indication()).isEqualTo("Directory services: scim sync errors");

    RecordedRequest first = server.takeRequest();
    assertThat(first.getHeader("x-api-key")).isEqualTo(API_KEY);
    JsonNode body = body(first);
    assertThat(body.path("query").asText()).contains("xdr(accountID: $accountID)").contains("stories(input: $input)")
        .contains("indication");
    JsonNode variables = body.path("variables");
    assertThat(variables.path("accountID").asText()).isEqualTo("12345");
    JsonNode timeFrame = variables.path("input").path("filter").get(0).path("timeFrame");
    assertThat(timeFrame.path("time").asText()).isEqualTo(TIME_FRAME);
    assertThat(timeFrame.path("timeFrameModifier").asText()).isEqualTo("StoryCreate");
    assertThat(variables.path("input").path("paging").path("from").asInt()).isZero();
    assertThat(variables.path("input").path("paging").path("limit").asInt()).isPositive();

    JsonNode second = body(server.takeRequest()).path("variables");
    assertThat(second.path("input").path("paging").path("from").asInt()).isEqualTo(2);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void storiesStopOnAnEmptyPageEvenIfTheTotalSaysMore() {
    server.enqueue(json("{\"data\":{\"xdr\":{\"stories\":{\"paging\":{\"from\":0,\"limit\":100,\"total\":50},"
        + "\"items\":[]}}}}"));

    assertThat(client.scimStories("12345", TIME_FRAME)).isEmpty();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void storySendsTheStoryIdAndReadsItsStatus() throws Exception {
    server.enqueue(fixture("story.response.json"));

    Optional<CatoStory> story = client.story("12345", "story-42");

    JsonNode body = body(server.takeRequest());
    assertThat(body.path("query").asText()).contains("story(storyId: $storyId)");
    assertThat(body.path("variables").path("accountID").asText()).isEqualTo("12345");
    assertThat(body.path("variables").path("storyId").asText()).isEqualTo("story-42");
    assertThat(story).get().satisfies(s -> {
      assertThat(s.incident().status()).isEqualTo("Monitoring");
      assertThat(s.updatedAt()).isEqualTo(Instant.parse("2026-11-29T09:10:00Z"));
      assertThat(s.isScim()).isTrue();
    });
  }

  @Test
  void addStoryCommentSendsTheSchemasMutationAndReadsTheCommentId() throws Exception {
    server.enqueue(json("{\"data\":{\"xdr\":{\"addStoryComment\":{\"comment\":{\"id\":\"c-1\","
        + "\"createdAt\":\"2026-11-29T09:10:00Z\"}}}}}"));

    String id = client.addStoryComment("12345", "story-42", "scim-playbook run r-1: diagnosed TOKEN_MISMATCH");

    JsonNode body = body(server.takeRequest());
    // cato_api.graphqls: Mutation.xdr(accountId: ID!) -> XdrMutations.addStoryComment(input: AddStoryCommentInput!)
    assertThat(body.path("query").asText())
        .startsWith("mutation addStoryComment($accountId: ID!, $input: AddStoryCommentInput!)")
        .contains("xdr(accountId: $accountId)", "addStoryComment(input: $input)", "comment {");
    assertThat(body.path("variables").path("accountId").asText()).isEqualTo("12345");
    assertThat(body.path("variables").path("input").path("storyId").asText()).isEqualTo("story-42");
    assertThat(body.path("variables").path("input").path("text").asText()).contains("TOKEN_MISMATCH");
    assertThat(id).isEqualTo("c-1");
  }

  @Test
  void storyThatCatoDoesNotReturnIsEmpty() {
    server.enqueue(json("{\"data\":{\"xdr\":{\"story\":null}}}"));

    assertThat(client.story("12345", "nope")).isEmpty();
  }

  @Test
  void auditFeedReadsTheDocumentedFixture() throws Exception {
    server.enqueue(fixture("auditFeed.response.test-fixture.json"));

    CatoAuditFeed feed = client.domainAuditFeed("12345", TIME_FRAME);

    // The documented mock has no hasMore: that reads as the last page.
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(feed.complete()).isTrue();
    assertThat(feed.marker()).isEqualTo("next-marker");
    assertThat(feed.records()).singleElement().satisfies(r -> {
      assertThat(r.time()).isEqualTo(Instant.parse("2026-05-22T10:00:00Z"));
      assertThat(r.actor()).isEqualTo("admin@example.com");
      assertThat(r.changeType()).isEqualTo("MODIFIED");
    });
    JsonNode body = body(server.takeRequest());
    assertThat(body.path("query").asText())
        .contains("auditFeed(accountIDs: $accountIDs, timeFrame: $timeFrame, filters: $filters, marker: $marker)")
        .contains("hasMore");
    JsonNode variables = body.path("variables");
    assertThat(variables.path("accountIDs").isArray()).isTrue();
    assertThat(variables.path("accountIDs").get(0).asText()).isEqualTo("12345");
    assertThat(variables.path("timeFrame").asText()).isEqualTo(TIME_FRAME);
    JsonNode filter = variables.path("filters").get(0);
    assertThat(filter.path("fieldName").path("AuditFieldName").asText()).isEqualTo("model_type");
    assertThat(filter.path("operator").asText()).isEqualTo("is");
    assertThat(filter.path("values").get(0).asText()).isEqualTo("Domain");
    assertThat(variables.path("marker").asText()).isEmpty();
  }

  @Test
  void auditFeedFollowsTheMarkerWhileHasMore() throws Exception {
    server.enqueue(fixture("auditFeed-page1.json"));
    server.enqueue(fixture("auditFeed-page2.json"));
    List<String> seen = new ArrayList<>();

    CatoAuditFeed feed =
        client.domainAuditFeed("12345", TIME_FRAME, null,
            (page, next, records) -> seen.add(page + ":" + next + ":" + records.size()));

    assertThat(body(server.takeRequest()).path("variables").path("marker").asText()).isEmpty();
    assertThat(body(server.takeRequest()).path("variables").path("marker").asText()).isEqualTo("marker-page-1");
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(seen).containsExactly("1:marker-page-1:2", "2:marker-page-2:1");
    assertThat(feed.complete()).isTrue();
    assertThat(feed.pages()).isEqualTo(2);
    assertThat(feed.marker()).isEqualTo("marker-page-2");
    assertThat(feed.records()).extracting(CatoAuditRecord::actor)
        .containsExactly("Dana Admin", "automation-key", "Lee Admin");
    CatoAuditRecord first = feed.records().get(0);
    assertThat(first.modelType()).isEqualTo("Domain");
    assertThat(first.modelName()).isEqualTo("contoso.com");
    assertThat(first.objectType()).isEqualTo("domain");
    assertThat(first.fields()).containsEntry("module", "configuration");
    assertThat(feed.records().get(2).time()).isEqualTo(Instant.parse("2026-11-29T05:45:00Z"));
  }

  @Test
  void auditFeedContinuesFromAGivenMarker() throws Exception {
    server.enqueue(fixture("auditFeed-page2.json"));

    CatoAuditFeed feed = client.domainAuditFeed("12345", TIME_FRAME, "marker-page-1", AuditPageListener.NONE);

    assertThat(body(server.takeRequest()).path("variables").path("marker").asText()).isEqualTo("marker-page-1");
    assertThat(feed.records()).hasSize(1);
  }

  @Test
  void auditFeedStopsWhenTheMarkerDoesNotAdvance() {
    String stuck = "{\"data\":{\"auditFeed\":{\"marker\":\"same\",\"fetchedCount\":0,\"hasMore\":true,\"accounts\":[]}}}";
    server.enqueue(json(stuck));
    server.enqueue(json(stuck));
    server.enqueue(json(stuck));

    ApiCallException e = catchThrowableOfType(() -> client.domainAuditFeed("12345", TIME_FRAME), ApiCallException.class);

    assertThat(server.getRequestCount()).isEqualTo(2);
    // Half a trail returned as the whole one would be wrong evidence: the read fails instead.
    assertThat(e.kind()).isEqualTo(Kind.INCOMPLETE);
    assertThat(e.getMessage()).contains("hasMore but gives no new marker");
  }

  @Test
  void auditFeedStopsAtThePageBound() {
    for (int i = 1; i <= CatoGraphqlClient.AUDIT_MAX_PAGES + 1; i++) {
      server.enqueue(json("{\"data\":{\"auditFeed\":{\"marker\":\"m" + i
          + "\",\"fetchedCount\":0,\"hasMore\":true,\"accounts\":[]}}}"));
    }

    ApiCallException e = catchThrowableOfType(() -> client.domainAuditFeed("12345", TIME_FRAME), ApiCallException.class);

    assertThat(server.getRequestCount()).isEqualTo(CatoGraphqlClient.AUDIT_MAX_PAGES);
    assertThat(e.kind()).isEqualTo(Kind.INCOMPLETE);
    assertThat(e.getMessage()).contains("more than " + CatoGraphqlClient.AUDIT_MAX_PAGES + " pages");
  }

  @Test
  void rateLimitGraphqlErrorIsRetryable() {
    server.enqueue(graphqlError("Rate Limit for operation: auditFeed exceeded, please retry later"));

    ApiCallException e = catchThrowableOfType(
        () -> client.domainAuditFeed("12345", TIME_FRAME), ApiCallException.class);

    assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
    assertThat(e.kind().retryable()).isTrue();
    assertThat(e.status()).isEqualTo(200);
    assertThat(e.getMessage()).contains("auditFeed").contains("Rate Limit for operation");
  }

  @Test
  void otherGraphqlErrorsAreNotRetryable() {
    server.enqueue(graphqlError("Cannot query field \\\"foo\\\" on type \\\"Events\\\""));
    server.enqueue(graphqlError("permission denied for this operation"));

    ApiCallException invalid =
        catchThrowableOfType(() -> client.failedScimEvents("12345", TIME_FRAME), ApiCallException.class);
    ApiCallException denied =
        catchThrowableOfType(() -> client.failedScimEvents("12345", TIME_FRAME), ApiCallException.class);

    assertThat(invalid.kind()).isEqualTo(Kind.INVALID_REQUEST);
    assertThat(invalid.kind().retryable()).isFalse();
    assertThat(denied.kind()).isEqualTo(Kind.AUTHENTICATION);
  }

  @Test
  void graphqlErrorsAreClassifiedFromTheirText() {
    assertThat(CatoGraphqlClient.kindOfGraphqlError("rate limit for api key exceeded")).isEqualTo(Kind.RATE_LIMITED);
    assertThat(CatoGraphqlClient.kindOfGraphqlError("Unauthorized")).isEqualTo(Kind.AUTHENTICATION);
    assertThat(CatoGraphqlClient.kindOfGraphqlError("invalid API Key")).isEqualTo(Kind.AUTHENTICATION);
    assertThat(CatoGraphqlClient.kindOfGraphqlError("input: timeFrame is invalid")).isEqualTo(Kind.INVALID_REQUEST);
  }

  @Test
  void http401IsAnAuthenticationFailureWithoutTheKey() {
    // A server echoing the key back must not get it into the exception.
    server.enqueue(new MockResponse().setResponseCode(401)
        .setBody("{\"errors\":[{\"message\":\"invalid key " + API_KEY + "\"}]}"));

    ApiCallException e =
        catchThrowableOfType(() -> client.story("12345", "story-42"), ApiCallException.class);

    assertThat(e.kind()).isEqualTo(Kind.AUTHENTICATION);
    assertThat(e.status()).isEqualTo(401);
    assertThat(e.getMessage()).contains("HTTP 401").doesNotContain(API_KEY);
  }

  @Test
  void graphqlErrorEchoingTheKeyIsRedacted() {
    server.enqueue(graphqlError("api key " + API_KEY + " is not valid"));

    ApiCallException e =
        catchThrowableOfType(() -> client.scimStories("12345", TIME_FRAME), ApiCallException.class);

    assertThat(e.kind()).isEqualTo(Kind.AUTHENTICATION);
    assertThat(e.getMessage()).doesNotContain(API_KEY).contains(Redaction.MARK);
  }

  @Test
  void http429KeepsRetryAfter() {
    server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "7"));

    ApiCallException e =
        catchThrowableOfType(() -> client.failedScimEvents("12345", TIME_FRAME), ApiCallException.class);

    assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(7));
  }

  @Test
  void http5xxIsUnavailable() {
    server.enqueue(new MockResponse().setResponseCode(502).setBody("<html>Bad gateway</html>"));

    ApiCallException e =
        catchThrowableOfType(() -> client.failedScimEvents("12345", TIME_FRAME), ApiCallException.class);

    assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
    assertThat(e.status()).isEqualTo(502);
  }

  @Test
  void connectionFailureIsUnavailable() {
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AT_START));

    ApiCallException e =
        catchThrowableOfType(() -> client.failedScimEvents("12345", TIME_FRAME), ApiCallException.class);

    assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
    assertThat(e.status()).isZero();
    assertThat(e.getMessage()).doesNotContain(API_KEY);
  }

  @Test
  void a200ThatIsNotJsonIsUnavailable() {
    server.enqueue(new MockResponse().setResponseCode(200).setBody("<html>maintenance</html>"));

    ApiCallException e =
        catchThrowableOfType(() -> client.failedScimEvents("12345", TIME_FRAME), ApiCallException.class);

    assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
  }

  @Test
  void settingsNeverPrintTheKey() {
    CatoApiSettings settings = CatoApiSettings.withDefaults(API_KEY);

    assertThat(settings.toString()).doesNotContain(API_KEY);
    assertThat(settings.graphqlUrl()).isEqualTo("https://api.catonetworks.com/api/v1/graphql2");
    assertThat(settings.timeout()).isPositive();
  }
}
