package io.scimplaybook.activities.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimplaybook.activities.cato.CatoApiSettings;
import io.scimplaybook.activities.cato.CatoGraphqlClient;
import io.scimplaybook.activities.http.Json;
import io.scimplaybook.activities.source.AttributedDelivery;
import io.scimplaybook.activities.source.SourceAttribution;
import io.scimplaybook.api.PlaybookIds;
import io.scimplaybook.api.PlaybookSearchAttributes;
import io.scimplaybook.api.ScimPlaybookWorkflow;
import io.scimplaybook.api.activities.FailureTypes;
import io.scimplaybook.api.findings.FeedPage;
import io.scimplaybook.api.input.Idp;
import io.scimplaybook.api.input.FailureBatch;
import io.scimplaybook.api.input.PlaybookInput;
import io.scimplaybook.api.input.PlaybookOptions;
import io.scimplaybook.api.input.ScimFailureEvent;
import io.scimplaybook.api.input.SourceProfile;
import io.scimplaybook.api.operator.RotationApproval;
import io.scimplaybook.api.operator.RotationRejection;
import io.scimplaybook.api.operator.TaskDecision;
import io.scimplaybook.api.status.PlaybookReport;
import io.scimplaybook.api.status.PlaybookStatus;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.workflow.Workflow;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventsFeedActivitiesImplTest {
  private static final String API_KEY = "cato-api-key-Zx81";

  private final MockWebServer cato = new MockWebServer();
  private final TestWorkflowEnvironment temporal = TestWorkflowEnvironment.newInstance();
  private final EventsFeedActivitiesImpl activities;

  /** Records what each playbook run receives; ends only when the test server goes away. */
  public static class RecordingPlaybook implements ScimPlaybookWorkflow {
    static final Map<String, List<ScimFailureEvent>> received = new ConcurrentHashMap<>();
    static final Map<String, PlaybookInput> inputs = new ConcurrentHashMap<>();

    @Override
    public PlaybookReport run(PlaybookInput input) {
      inputs.put(Workflow.getInfo().getWorkflowId(), input);
      Workflow.await(() -> false);
      return null;
    }

    @Override
    public void failureReported(ScimFailureEvent event) {
      received.computeIfAbsent(Workflow.getInfo().getWorkflowId(), id -> new CopyOnWriteArrayList<>()).add(event);
    }

    @Override
    public void failuresReported(FailureBatch batch) {
      batch.events().forEach(this::failureReported);
    }

    @Override public void approveRotation(RotationApproval approval) {}
    @Override public void rejectRotation(RotationRejection rejection) {}
    @Override public void decideTask(TaskDecision decision) {}
    @Override public void fleetNotice(io.scimplaybook.api.fleet.FleetNotice notice) {}
    @Override public PlaybookStatus status() {
      return null;
    }
  }

  EventsFeedActivitiesImplTest() throws Exception {
    cato.start(java.net.InetAddress.getLoopbackAddress(), 0);
    CatoGraphqlClient client = new CatoGraphqlClient(
        new CatoApiSettings(cato.url("/api/v1/graphql2").toString(), API_KEY, Duration.ofSeconds(5)));
    PlaybookSearchAttributes.ALL.forEach(
        key -> temporal.registerSearchAttribute(key.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD));
    temporal.newWorker(PlaybookIds.TASK_QUEUE).registerWorkflowImplementationTypes(RecordingPlaybook.class);
    temporal.start();
    activities = new EventsFeedActivitiesImpl(client, temporal.getWorkflowClient(), 3);
  }

  @AfterEach
  void stop() throws Exception {
    temporal.close();
    cato.shutdown();
  }

  private static MockResponse json(String body) {
    return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
  }

  private static MockResponse fixture() throws Exception {
    try (InputStream in = EventsFeedActivitiesImplTest.class.getResourceAsStream("/cato/eventsFeed.response.json")) {
      return json(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  private JsonNode request() throws Exception {
    RecordedRequest r = cato.takeRequest();
    assertThat(r.getHeader("x-api-key")).isEqualTo(API_KEY);
    return Json.mapper().readTree(r.getBody().readUtf8());
  }

  @Test
  void fetchFiltersOnScimProvisioningAndKeepsOnlyFailedRecords() throws Exception {
    cato.enqueue(fixture());

    FeedPage page = activities.fetchFailures("12345", null);

    JsonNode sent = request();
    assertThat(sent.path("query").asText()).contains("eventsFeed(accountIDs: $accountIDs, filters: $filters, marker: $marker)");
    assertThat(sent.path("variables").path("accountIDs").get(0).asText()).isEqualTo("12345");
    assertThat(sent.path("variables").path("marker").asText()).isEmpty();
    JsonNode filter = sent.path("variables").path("filters").get(0);
    assertThat(filter.path("fieldName").asText()).isEqualTo("event_sub_type");
    assertThat(filter.path("operator").asText()).isEqualTo("is");
    assertThat(filter.path("values").get(0).asText()).isEqualTo("SCIM Provisioning");

    assertThat(page.marker()).isEqualTo("AAAAAQAAAAIAAAAD-page-2");
    assertThat(page.fetchedCount()).isEqualTo(3);
    assertThat(page.moreWaiting()).as("3 records fill a page of 3").isTrue();
    assertThat(page.failures()).extracting(ScimFailureEvent::sourceId).containsExactly("7", "9");
    ScimFailureEvent first = page.failures().get(0);
    assertThat(first.accountId()).isEqualTo("12345");
    assertThat(first.time()).isEqualTo(Instant.parse("2026-11-29T06:00:05Z"));
    assertThat(first.reason()).isEqualTo("401 Unauthorized: invalid SCIM token");
    assertThat(first.storyId()).isEqualTo("story-9");
    assertThat(first.origin()).isEqualTo(ScimFailureEvent.ORIGIN_EVENTS_FEED);
    assertThat(page.failures().get(1).reason()).as("event_message when there is no failure_reason")
        .isEqualTo("SCIM provisioning from OneLogin failed: 429 Too Many Requests");
  }

  @Test
  void theSameRecordFetchedAgainHasTheSameEventIdAndTheMarkerIsPassedBack() throws Exception {
    cato.enqueue(fixture());
    cato.enqueue(fixture());

    FeedPage first = activities.fetchFailures("12345", "AAAAAQ-page-1");
    FeedPage again = activities.fetchFailures("12345", "AAAAAQ-page-1");

    assertThat(request().path("variables").path("marker").asText()).isEqualTo("AAAAAQ-page-1");
    assertThat(first.failures()).extracting(ScimFailureEvent::eventId).doesNotHaveDuplicates().doesNotContainNull();
    assertThat(again.failures()).extracting(ScimFailureEvent::eventId)
        .containsExactlyElementsOf(first.failures().stream().map(ScimFailureEvent::eventId).toList());
  }

  @Test
  void catosOwnEventIdIsTheEventIdSoTheWebhookAndTheFeedCountOneEventOnce() throws Exception {
    cato.enqueue(fixture());

    FeedPage page = activities.fetchFailures("12345", null);

    // The CMA webhook template passes event_id as is: the same Cato event must carry the same id by both routes.
    assertThat(page.failures()).extracting(ScimFailureEvent::eventId).containsExactly("a1b2c3", "a1b2c5");
  }

  @Test
  void aRecordWithoutEventIdGetsAStableHashOfItsFields() throws Exception {
    String page = "{\"data\":{\"eventsFeed\":{\"marker\":\"m-2\",\"fetchedCount\":1,\"accounts\":[{\"id\":\"12345\","
        + "\"records\":[{\"time\":\"2026-11-29T06:00:05Z\",\"fieldsMap\":{\"event_sub_type\":\"SCIM Provisioning\","
        + "\"action\":\"Failed\",\"failure_reason\":\"401\",\"resource_id\":\"7\"}}]}]}}}";
    cato.enqueue(json(page));
    cato.enqueue(json(page.replace("\"401\"", "\"403\"")));

    String first = activities.fetchFailures("12345", "m-1").failures().get(0).eventId();
    String other = activities.fetchFailures("12345", "m-1").failures().get(0).eventId();

    assertThat(first).startsWith("cato-feed-");
    assertThat(other).as("a different record, a different id").startsWith("cato-feed-").isNotEqualTo(first);
  }

  /** The feed is a door too: a record breaking an event rule is named and counted, and not delivered. */
  @Test
  void recordsBreakingAnEventRuleAreRefusedWithWhyAndTheOthersAreKept() throws Exception {
    String record = "{\"time\":\"TIME\",\"fieldsMap\":{\"event_sub_type\":\"SCIM Provisioning\","
        + "\"action\":\"Failed\",\"failure_reason\":\"REASON\",\"resource_id\":\"7\",\"event_id\":\"ID\"}}";
    String ahead = Instant.now().plus(Duration.ofDays(3)).toString();
    String records = String.join(",",
        record.replace("TIME", "2026-11-29T06:00:05Z").replace("REASON", "401").replace("ID", "good-1"),
        record.replace("TIME", ahead).replace("REASON", "401").replace("ID", "ahead-1"),
        record.replace("TIME", "2026-11-29T06:00:06Z").replace("REASON", "half \\ud800").replace("ID", "surrogate-1"),
        record.replace("TIME", "2026-11-29T06:00:07Z").replace("REASON", "nul\\u0000").replace("ID", "nul-1"));
    cato.enqueue(json("{\"data\":{\"eventsFeed\":{\"marker\":\"m-4\",\"fetchedCount\":4,\"accounts\":"
        + "[{\"id\":\"12345\",\"records\":[" + records + "]}]}}}"));

    FeedPage page = activities.fetchFailures("12345", "m-0");

    assertThat(page.failures()).extracting(ScimFailureEvent::eventId).containsExactly("good-1");
    assertThat(page.refused()).containsExactly(
        "record 'ahead-1': time " + ahead + " is more than a day ahead of " + page.refused().get(0).split(" ahead of ")[1],
        "record 'surrogate-1': reason holds an unpaired surrogate U+D800 at index 5",
        "record 'nul-1': reason holds a control character U+0000 at index 3");
    assertThat(page.marker()).as("the page is done: a refused record is not fetched again").isEqualTo("m-4");
  }

  @Test
  void anEmptyFeedKeepsTheMarkerAndIsNotFull() throws Exception {
    cato.enqueue(json("{\"data\":{\"eventsFeed\":{\"marker\":\"m-9\",\"fetchedCount\":0,"
        + "\"accounts\":[{\"id\":\"12345\",\"errorString\":null,\"records\":[]}]}}}"));

    FeedPage page = activities.fetchFailures("12345", "m-9");

    assertThat(page.marker()).isEqualTo("m-9");
    assertThat(page.failures()).isEmpty();
    assertThat(page.moreWaiting()).isFalse();
  }

  @Test
  void aRateLimitErrorIsTheNonRetryableRateLimitType() {
    cato.enqueue(json("{\"data\":null,\"errors\":[{\"message\":\"rate limit for eventsFeed exceeded, try again later\"}]}"));

    ApplicationFailure f = catchThrowableOfType(ApplicationFailure.class, () -> activities.fetchFailures("12345", "m"));

    assertThat(f.getType()).isEqualTo(FailureTypes.CATO_RATE_LIMITED);
    assertThat(f.isNonRetryable()).isTrue();
  }

  @Test
  void anAccountErrorStringIsAnErrorNotAnEmptyPage() {
    cato.enqueue(json("{\"data\":{\"eventsFeed\":{\"marker\":\"m-10\",\"fetchedCount\":0,"
        + "\"accounts\":[{\"id\":\"12345\",\"errorString\":\"Too many requests for account 12345, rate limit\","
        + "\"records\":null}]}}}"));

    ApplicationFailure f = catchThrowableOfType(ApplicationFailure.class, () -> activities.fetchFailures("12345", "m"));

    assertThat(f.getType()).isEqualTo(FailureTypes.CATO_RATE_LIMITED);
    assertThat(f.getOriginalMessage()).contains("account 12345");
  }

  @Test
  void unauthorizedIsNotRetriedAndNeverShowsTheKey() {
    cato.enqueue(new MockResponse().setResponseCode(401).setHeader("Content-Type", "application/json")
        .setBody("{\"errors\":[{\"message\":\"invalid api key " + API_KEY + "\"}]}"));

    ApplicationFailure f = catchThrowableOfType(ApplicationFailure.class, () -> activities.fetchFailures("12345", "m"));

    assertThat(f.getType()).isEqualTo(FailureTypes.AUTHENTICATION);
    assertThat(f.isNonRetryable()).isTrue();
    assertThat(f.getOriginalMessage()).doesNotContain(API_KEY);
    assertThat(cato.getRequestCount()).isEqualTo(1);
  }

  @Test
  void deliverSignalsWithStartOneRunPerSourceWithThePollersPlaybookSettings() {
    PlaybookOptions settings = PlaybookOptions.defaults().withMonitoringWindow(Duration.ofMinutes(9));
    List<ScimFailureEvent> events = new ArrayList<>();
    for (int i = 1; i <= 4; i++) {
      events.add(new ScimFailureEvent("555", i % 2 == 0 ? "a" : "b", Instant.parse("2026-11-29T06:00:00Z").plusSeconds(i),
          "failure " + i, null, ScimFailureEvent.ORIGIN_EVENTS_FEED, "ev-" + i));
    }

    assertThat(activities.deliver(events, settings)).isEqualTo(4);

    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    // The signals' handlers can run before the workflow method that records the input, in the same task: wait for both.
    while (System.nanoTime() < deadline && (received("scim-playbook-555-a").size() + received("scim-playbook-555-b").size() < 4
        || !RecordingPlaybook.inputs.containsKey("scim-playbook-555-a"))) {
      Thread.onSpinWait();
    }
    assertThat(received("scim-playbook-555-a")).extracting(ScimFailureEvent::eventId).containsExactly("ev-2", "ev-4");
    assertThat(received("scim-playbook-555-b")).extracting(ScimFailureEvent::eventId).containsExactly("ev-1", "ev-3");
    assertThat(RecordingPlaybook.inputs.get("scim-playbook-555-a").options().monitoringWindow())
        .isEqualTo(Duration.ofMinutes(9));
  }

  @Test
  void aPageForManyRunsReachesEachRunWholeAndInFeedOrder() {
    List<ScimFailureEvent> events = new ArrayList<>();
    // More runs than delivery threads, interleaved as a feed page interleaves sources.
    for (int i = 0; i < 60; i++) {
      events.add(new ScimFailureEvent("556", "s" + (i % 20), Instant.parse("2026-11-29T06:00:00Z").plusSeconds(i),
          "failure " + i, null, ScimFailureEvent.ORIGIN_EVENTS_FEED, "ev-" + i));
    }

    assertThat(activities.deliver(events, PlaybookOptions.defaults())).isEqualTo(60);

    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    for (int s = 0; s < 20; s++) {
      String id = "scim-playbook-556-s" + s;
      while (System.nanoTime() < deadline && received(id).size() < 3) {
        Thread.onSpinWait();
      }
      assertThat(received(id)).as(id).extracting(ScimFailureEvent::eventId)
          .containsExactly("ev-" + s, "ev-" + (s + 20), "ev-" + (s + 40));
    }
  }

  private static final String NO_SOURCE_PAGE = "{\"data\":{\"eventsFeed\":{\"marker\":\"m-ns\",\"fetchedCount\":1,"
      + "\"accounts\":[{\"id\":\"ACCOUNT\",\"records\":[{\"time\":\"2026-11-29T06:00:05Z\",\"fieldsMap\":{"
      + "\"event_id\":\"EVENT\",\"event_sub_type\":\"SCIM Provisioning\",\"action\":\"Failed\","
      + "\"failure_reason\":\"401 Unauthorized\",\"event_message\":\"MESSAGE\"}}]}]}}}";

  private EventsFeedActivitiesImpl withSources(SourceProfile... sources) {
    CatoGraphqlClient client = new CatoGraphqlClient(
        new CatoApiSettings(cato.url("/api/v1/graphql2").toString(), API_KEY, Duration.ofSeconds(5)));
    return new EventsFeedActivitiesImpl(client,
        new AttributedDelivery(new SourceAttribution(List.of(sources)), temporal.getWorkflowClient()), 3);
  }

  private static SourceProfile source(String accountId, String sourceId, Idp idp, String name) {
    return new SourceProfile(accountId, sourceId, idp, name, "http://127.0.0.1:1/scim/v2", null);
  }

  private List<ScimFailureEvent> pollAndDeliver(EventsFeedActivitiesImpl feed, String accountId, String eventId,
      String message, String... expectedRuns) throws Exception {
    cato.enqueue(json(NO_SOURCE_PAGE.replace("ACCOUNT", accountId).replace("EVENT", eventId).replace("MESSAGE", message)));
    FeedPage page = feed.fetchFailures(accountId, "m");
    assertThat(page.failures()).as("a record without resource_id is kept, not dropped").hasSize(1);
    assertThat(page.failures().get(0).sourceId()).isNull();
    assertThat(page.failures().get(0).eventMessage()).isEqualTo(message);
    assertThat(feed.deliver(page.failures(), PlaybookOptions.defaults())).isEqualTo(1);
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline
        && java.util.Arrays.stream(expectedRuns).anyMatch(id -> received(id).isEmpty())) {
      Thread.sleep(20);
    }
    List<ScimFailureEvent> all = new ArrayList<>();
    for (String id : expectedRuns) {
      assertThat(received(id)).as(id).hasSize(1);
      all.add(received(id).get(0));
    }
    return all;
  }

  @Test
  void aRecordWithoutResourceIdReachesTheSourceItsMessageNames() throws Exception {
    EventsFeedActivitiesImpl feed = withSources(source("801", "7", Idp.ENTRA_ID, "Contoso Entra ID"),
        source("801", "9", Idp.OKTA, "Contoso Okta"));

    List<ScimFailureEvent> got = pollAndDeliver(feed, "801", "ev-801", "SCIM provisioning from Okta failed: 401",
        "scim-playbook-801-9");

    assertThat(got.get(0).sourceId()).as("the run receives the attributed source").isEqualTo("9");
    assertThat(got.get(0).eventId()).isEqualTo("ev-801");
    assertThat(received("scim-playbook-801-7")).isEmpty();
  }

  @Test
  void aRecordWithoutAnyHintAndTwoSourcesReachesBothRuns() throws Exception {
    EventsFeedActivitiesImpl feed = withSources(source("802", "7", Idp.ENTRA_ID, "Contoso Entra ID"),
        source("802", "8", Idp.ENTRA_ID, "Fabrikam Entra ID"));

    List<ScimFailureEvent> got = pollAndDeliver(feed, "802", "ev-802", "SCIM provisioning failed",
        "scim-playbook-802-7", "scim-playbook-802-8");

    assertThat(got).extracting(ScimFailureEvent::sourceId).containsExactly("7", "8");
  }

  @Test
  void aRecordOfAnAccountWithoutConfiguredSourcesReachesTheUnconfiguredRun() throws Exception {
    EventsFeedActivitiesImpl feed = withSources(source("999", "7", Idp.ENTRA_ID, "Elsewhere"));

    List<ScimFailureEvent> got = pollAndDeliver(feed, "803", "ev-803", "SCIM provisioning failed",
        "scim-playbook-803-unconfigured");

    assertThat(got.get(0).sourceId()).isEqualTo(PlaybookIds.UNCONFIGURED_SOURCE);
  }

  private static List<ScimFailureEvent> received(String workflowId) {
    return RecordingPlaybook.received.getOrDefault(workflowId, List.of());
  }
}
