package io.scimplaybook.activities.cato;

import static io.scimplaybook.activities.cato.CatoFixtures.API_KEY;
import static io.scimplaybook.activities.cato.CatoFixtures.fixture;
import static io.scimplaybook.activities.cato.CatoFixtures.graphqlError;
import static io.scimplaybook.activities.cato.CatoFixtures.json;
import static io.scimplaybook.activities.http.FaultExpectation.ends;
import static io.scimplaybook.activities.http.FaultExpectation.retried;
import static io.scimplaybook.activities.http.FaultExpectation.retriedAfter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.scimplaybook.activities.http.FaultExpectation;
import io.scimplaybook.api.activities.FailureTypes;
import io.scimplaybook.api.findings.AuditQuery;
import io.scimplaybook.api.findings.VerificationQuery;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.stream.Stream;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Vendor fault matrix for Cato's GraphQL API through the playbook's activities: HTTP statuses, errors inside a 200,
 * bodies that are not what the schema promises, and paged reads (auditFeed's marker, xdr.stories' paging) cut short.
 * Each row says what the activity throws, whether Temporal retries it, after which delay, and that the API key stays
 * out of the message.
 */
class CatoFaultMatrixTest {
  private static final Instant FROM = Instant.parse("2026-11-29T06:00:00Z");
  private static final Instant TO = Instant.parse("2026-11-29T08:00:00Z");
  private static final VerificationQuery VERIFY = new VerificationQuery("12345", "src-1", FROM, TO, null);
  private static final AuditQuery AUDIT = new AuditQuery("12345", "src-1", FROM, TO);

  private MockWebServer server;
  private CatoActivitiesImpl activities;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start();
    // A one-second call timeout so the timeout row takes a second, not the production 30.
    activities = new CatoActivitiesImpl(new CatoGraphqlClient(
        new CatoApiSettings(server.url("/api/v1/graphql2").toString(), API_KEY, Duration.ofSeconds(1))));
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  enum Call { STORY, STORIES, EVENTS, AUDIT }

  record Fault(String name, Call call, Consumer<MockWebServer> script, FaultExpectation expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Consumer<MockWebServer> answers(MockResponse... responses) {
    return server -> {
      for (MockResponse response : responses) {
        server.enqueue(response);
      }
    };
  }

  static MockResponse status(int code, String body) {
    return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json").setBody(body);
  }

  static String auditPage(String marker, boolean hasMore) {
    return "{\"data\":{\"auditFeed\":{\"marker\":\"" + marker + "\",\"fetchedCount\":0,\"hasMore\":" + hasMore
        + ",\"accounts\":[{\"id\":\"12345\",\"records\":[]}]}}}";
  }

  /** A full page of SCIM Provisioning successes: a busy tenant's normal traffic, none of it a failure. */
  static String eventsPage(int count) {
    StringBuilder records = new StringBuilder();
    for (int i = 0; i < count; i++) {
      records.append(i == 0 ? "" : ",").append("{\"fieldsMap\":{\"event_sub_type\":\"SCIM Provisioning\","
          + "\"action\":\"Succeeded\",\"time\":\"2026-11-29T07:00:00Z\"}}");
    }
    return "{\"data\":{\"events\":{\"total\":" + (count * 100) + ",\"records\":[" + records + "]}}}";
  }

  static String storiesPage(int from, int count, int total) {
    StringBuilder items = new StringBuilder();
    for (int i = 0; i < count; i++) {
      items.append(i == 0 ? "" : ",").append("{\"id\":\"s-").append(from + i)
          .append("\",\"incident\":{\"indication\":\"Suspicious login\",\"status\":\"Closed\"}}");
    }
    return "{\"data\":{\"xdr\":{\"stories\":{\"paging\":{\"from\":" + from + ",\"limit\":" + count + ",\"total\":"
        + total + "},\"items\":[" + items + "]}}}}";
  }

  static Stream<Fault> faults() {
    return Stream.of(
        new Fault("HTTP 429 with Retry-After", Call.STORY,
            answers(status(429, "").setHeader("Retry-After", "12")),
            retriedAfter(FailureTypes.RATE_LIMITED, Duration.ofSeconds(12))),
        new Fault("HTTP 429 without Retry-After", Call.STORY, answers(status(429, "")),
            retried(FailureTypes.RATE_LIMITED)),
        new Fault("rate-limit GraphQL error in a 200", Call.STORY,
            answers(graphqlError("rate limit for operation: xdr exceeded, try again in 60 seconds")),
            retried(FailureTypes.RATE_LIMITED)),
        new Fault("HTTP 502", Call.STORY, answers(status(502, "<html>Bad Gateway</html>")),
            retried(FailureTypes.UNAVAILABLE)),
        new Fault("HTTP 401 echoing the key", Call.STORY,
            answers(status(401, "{\"errors\":[{\"message\":\"invalid api key " + API_KEY + "\"}]}")),
            ends(FailureTypes.AUTHENTICATION)),
        new Fault("HTTP 403", Call.STORY, answers(status(403, "")), ends(FailureTypes.PERMISSION)),
        new Fault("permission GraphQL error in a 200", Call.STORY,
            answers(graphqlError("permission denied for api key " + API_KEY)), ends(FailureTypes.AUTHENTICATION)),
        new Fault("internal GraphQL error in a 200", Call.STORY,
            answers(graphqlError("Internal server error")), retried(FailureTypes.UNAVAILABLE)),
        new Fault("validation GraphQL error in a 200", Call.STORY,
            answers(graphqlError("Cannot query field \\\"storyX\\\" on type \\\"Xdr\\\"")),
            ends(FailureTypes.INVALID_REQUEST)),
        new Fault("timeout", Call.STORY, answers(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE)),
            retried(FailureTypes.UNAVAILABLE)),
        new Fault("malformed JSON in a 200", Call.STORY, answers(json("{\"data\":{\"xdr\":{\"story\":{\"id\":")),
            retried(FailureTypes.UNAVAILABLE)),
        new Fault("a 200 with neither data nor errors", Call.EVENTS, answers(json("{\"data\":null}")),
            retried(FailureTypes.UNAVAILABLE)),
        new Fault("a 200 whose data lacks the query's object", Call.EVENTS, answers(json("{\"data\":{}}")),
            retried(FailureTypes.UNAVAILABLE)),
        new Fault("partial page: auditFeed page 2 answers 429", Call.AUDIT,
            answers(fixture("auditFeed-page1.json"), status(429, "").setHeader("Retry-After", "60")),
            retriedAfter(FailureTypes.RATE_LIMITED, Duration.ofSeconds(60))),
        new Fault("partial page: auditFeed page 2 cut short", Call.AUDIT,
            answers(fixture("auditFeed-page1.json"), json("{\"data\":{\"auditFeed\":{\"marker\":\"m2\",\"acc")),
            retried(FailureTypes.UNAVAILABLE)),
        new Fault("partial page: auditFeed hasMore without a new marker", Call.AUDIT,
            answers(json(auditPage("same", true)), json(auditPage("same", true))),
            ends(FailureTypes.INCOMPLETE_READ)),
        new Fault("partial page: auditFeed beyond its page bound", Call.AUDIT,
            server -> {
              for (int i = 1; i <= CatoGraphqlClient.AUDIT_MAX_PAGES; i++) {
                server.enqueue(json(auditPage("m" + i, true)));
              }
            },
            ends(FailureTypes.INCOMPLETE_READ)),
        new Fault("partial page: events beyond its page bound", Call.EVENTS,
            server -> {
              String page = eventsPage(CatoGraphqlClient.EVENTS_PAGE_SIZE);
              for (int i = 0; i < CatoGraphqlClient.EVENTS_MAX_PAGES; i++) {
                server.enqueue(json(page));
              }
            },
            ends(FailureTypes.INCOMPLETE_READ)),
        new Fault("partial page: xdr.stories page 2 cut short", Call.STORIES,
            answers(fixture("stories-page1.json"), json("{\"data\":{\"xdr\":{\"stories\":{\"paging\":")),
            retried(FailureTypes.UNAVAILABLE)),
        new Fault("partial page: xdr.stories beyond its page bound", Call.STORIES,
            server -> {
              int size = CatoGraphqlClient.STORIES_PAGE_SIZE;
              for (int i = 0; i < CatoGraphqlClient.STORIES_MAX_PAGES; i++) {
                server.enqueue(json(storiesPage(i * size, size, 1_000_000)));
              }
            },
            ends(FailureTypes.INCOMPLETE_READ)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("faults")
  void eachFaultIsRetriedWithItsDelayOrEndsTheStepClearly(Fault fault) {
    fault.script().accept(server);

    ApplicationFailure failure = catchThrowableOfType(() -> {
      switch (fault.call()) {
        case STORY -> activities.getStory("12345", "story-42");
        case STORIES -> activities.findScimStories(VERIFY);
        case EVENTS -> activities.findFailureEvents(VERIFY);
        case AUDIT -> activities.findDomainChanges(AUDIT);
      }
    }, ApplicationFailure.class);

    fault.expected().assertMatches(failure, API_KEY);
    assertThat(failure.getOriginalMessage()).startsWith("Cato ");
  }
}
