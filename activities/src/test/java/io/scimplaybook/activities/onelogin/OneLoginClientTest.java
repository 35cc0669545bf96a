package io.scimplaybook.activities.onelogin;

import static io.scimplaybook.activities.onelogin.OneLoginPayloads.ACCESS_TOKEN;
import static io.scimplaybook.activities.onelogin.OneLoginPayloads.CLIENT_ID;
import static io.scimplaybook.activities.onelogin.OneLoginPayloads.CLIENT_SECRET;
import static io.scimplaybook.activities.onelogin.OneLoginPayloads.event;
import static io.scimplaybook.activities.onelogin.OneLoginPayloads.events;
import static io.scimplaybook.activities.onelogin.OneLoginPayloads.json;
import static io.scimplaybook.activities.onelogin.OneLoginPayloads.page;
import static io.scimplaybook.activities.onelogin.OneLoginPayloads.resource;
import static io.scimplaybook.activities.onelogin.OneLoginPayloads.token;
import static io.scimplaybook.activities.onelogin.OneLoginPayloads.types;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimplaybook.activities.http.ApiCallException;
import io.scimplaybook.activities.http.ApiCallException.Kind;
import io.scimplaybook.activities.http.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.nio.charset.StandardCharsets;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

class OneLoginClientTest extends OneLoginServerTest {
  static final Instant SINCE = Instant.parse("2025-05-01T08:00:00Z");
  static final Instant UNTIL = Instant.parse("2025-05-01T10:00:00Z");

  @Test
  void asksForATokenWithBasicAuthAndTheDocumentedBodyThenCallsEventsWithIt() throws Exception {
    server.enqueue(token());
    server.enqueue(events());

    client.events(SINCE, UNTIL, List.of(64L));

    RecordedRequest tokenRequest = take();
    assertThat(tokenRequest.getMethod()).isEqualTo("POST");
    assertThat(tokenRequest.getPath()).isEqualTo("/auth/oauth2/v2/token");
    String basic = "Basic " + Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
    assertThat(tokenRequest.getHeader("Authorization")).isEqualTo(basic);
    JsonNode body = Json.mapper().readTree(tokenRequest.getBody().readUtf8());
    assertThat(body.path("grant_type").asText()).isEqualTo("client_credentials");
    assertThat(body.size()).as("the secret travels only in the header").isEqualTo(1);

    RecordedRequest eventsRequest = take();
    assertThat(eventsRequest.getHeader("Authorization")).isEqualTo("bearer:" + ACCESS_TOKEN);
    HttpUrl url = eventsRequest.getRequestUrl();
    assertThat(url.encodedPath()).isEqualTo("/api/1/events");
    assertThat(url.queryParameter("since")).isEqualTo("2025-05-01T08:00:00.000Z");
    assertThat(url.queryParameter("until")).isEqualTo("2025-05-01T10:00:00.000Z");
    assertThat(url.queryParameter("event_type_id")).isEqualTo("64");
    assertThat(url.queryParameter("limit")).isEqualTo("50");
    assertThat(url.queryParameter("after_cursor")).isNull();
  }

  @Test
  void readsTheOlderWrappedTokenAnswerToo() throws Exception {
    server.enqueue(json(200, resource("token-wrapped.response.json")));
    server.enqueue(events());

    client.events(SINCE, UNTIL, List.of(64L));

    take();
    assertThat(take().getHeader("Authorization")).isEqualTo("bearer:" + ACCESS_TOKEN);
  }

  @Test
  void keepsTheTokenUntilShortlyBeforeItExpiresThenAsksAgain() throws Exception {
    server.enqueue(token("first-token", 36000));
    server.enqueue(events());
    server.enqueue(events());
    server.enqueue(token("second-token", 36000));
    server.enqueue(events());

    client.events(SINCE, UNTIL, List.of(64L));
    clock.advance(Duration.ofHours(9));
    client.events(SINCE, UNTIL, List.of(64L));
    clock.advance(Duration.ofMinutes(56));
    client.events(SINCE, UNTIL, List.of(64L));

    assertThat(take().getPath()).endsWith("/token");
    assertThat(take().getHeader("Authorization")).isEqualTo("bearer:first-token");
    assertThat(take().getHeader("Authorization")).as("9 h into a 10 h token").isEqualTo("bearer:first-token");
    assertThat(take().getPath()).as("within 5 min of expiry").endsWith("/token");
    assertThat(take().getHeader("Authorization")).isEqualTo("bearer:second-token");
  }

  @Test
  void followsTheAfterCursorWithTheSameFiltersAndReadsEveryPage() throws Exception {
    server.enqueue(token());
    server.enqueue(page("events-page1.response.json"));
    server.enqueue(page("events-page2.response.json"));

    List<OneLoginEvent> read = client.events(SINCE, UNTIL, List.of(1L, 64L, 51L, 65L));

    take();
    RecordedRequest first = take();
    RecordedRequest second = take();
    assertThat(first.getRequestUrl().queryParameter("after_cursor")).isNull();
    HttpUrl next = second.getRequestUrl();
    assertThat(next.queryParameter("after_cursor")).isEqualTo("8JySzqZQ3nYX6jc4ZjxPoNt6dhzKvK6Kbw");
    assertThat(next.queryParameter("since")).isEqualTo(first.getRequestUrl().queryParameter("since"));
    assertThat(next.queryParameter("event_type_id")).isEqualTo("1,64,51,65");
    // The unknown type 9999 on page 2 was not asked for and is dropped; other apps' events are the port's to drop.
    assertThat(read).extracting(OneLoginEvent::id).containsExactly("999999999", "999999998", "999999997", "999999996");
    OneLoginEvent change = read.get(0);
    assertThat(change.time()).isEqualTo(Instant.parse("2025-05-01T08:30:15.990Z"));
    assertThat(change.eventTypeId()).isEqualTo(1L);
    assertThat(change.appId()).isEqualTo("654321");
    assertThat(change.actor()).isEqualTo("Ada Admin");
    assertThat(change.roleName()).isEqualTo("Sales");
    assertThat(change.userId()).as("JSON null").isNull();
    OneLoginEvent failure = read.get(1);
    assertThat(failure.errorDescription()).isEqualTo("401 Unauthorized: invalid bearer token");
    assertThat(failure.subject()).isEqualTo("Jane Doe (4711)");
    assertThat(failure.actor()).isEqualTo("Provisioning");
  }

  @Test
  void readsAnEventWithEveryOptionalFieldAbsent() throws Exception {
    server.enqueue(token());
    server.enqueue(events("{\"event_type_id\":64}", "{\"event_type_id\":\"64\",\"created_at\":\"not a time\"}"));

    List<OneLoginEvent> read = client.events(SINCE, UNTIL, List.of(64L));

    assertThat(read).hasSize(2);
    assertThat(read.get(0).id()).isNull();
    assertThat(read.get(0).time()).isNull();
    assertThat(read.get(0).actor()).isNull();
    assertThat(read.get(0).subject()).isNull();
    assertThat(read.get(1).eventTypeId()).as("an id sent as text").isEqualTo(64L);
    assertThat(read.get(1).time()).as("an unreadable time is unknown, not a failure").isNull();
  }

  @Test
  void aStatusBodyWithoutDataIsAnEmptyPageButJsonWithNeitherIsNotOneLogins() {
    server.enqueue(token());
    server.enqueue(json(200, "{\"status\":{\"error\":false,\"code\":200,\"type\":\"success\",\"message\":\"Success\"}}"));
    assertThat(client.events(SINCE, UNTIL, List.of(64L))).isEmpty();

    server.enqueue(json(200, "{\"hello\":\"proxy\"}"));
    ApiCallException e = catchThrowableOfType(() -> client.events(SINCE, UNTIL, List.of(64L)), ApiCallException.class);
    assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
    assertThat(e.getMessage()).contains("without a data list");
  }

  @Test
  void anErrorStatusInsideA200IsTheFailureItsCodeNames() {
    server.enqueue(token());
    server.enqueue(json(200, resource("error-400.response.json")));

    ApiCallException e = catchThrowableOfType(() -> client.events(SINCE, UNTIL, List.of(64L)), ApiCallException.class);

    assertThat(e.kind()).isEqualTo(Kind.INVALID_REQUEST);
    assertThat(e.getMessage()).contains("bad request: Authorization Information is incorrect");
  }

  @Test
  void a401OnACachedTokenFetchesANewOneAndRetriesOnce() throws Exception {
    server.enqueue(token("old-token", 36000));
    server.enqueue(events());
    server.enqueue(json(401, resource("error-401.response.json")));
    server.enqueue(token("new-token", 36000));
    server.enqueue(events(event(1, "2025-05-01T09:00:00Z", 64, "654321", "4711", "boom")));

    client.events(SINCE, UNTIL, List.of(64L));
    List<OneLoginEvent> read = client.events(SINCE, UNTIL, List.of(64L));

    assertThat(read).hasSize(1);
    take();
    take();
    assertThat(take().getHeader("Authorization")).isEqualTo("bearer:old-token");
    assertThat(take().getPath()).endsWith("/token");
    assertThat(take().getHeader("Authorization")).isEqualTo("bearer:new-token");
    assertThat(server.getRequestCount()).isEqualTo(5);
  }

  @Test
  void a401OnAFreshTokenIsFinalAndSaysWhatOneLoginSaid() {
    server.enqueue(token());
    server.enqueue(json(401, resource("error-401.response.json")));

    ApiCallException e = catchThrowableOfType(() -> client.events(SINCE, UNTIL, List.of(64L)), ApiCallException.class);

    assertThat(e.kind()).isEqualTo(Kind.AUTHENTICATION);
    assertThat(e.getMessage()).isEqualTo("OneLogin API: GET /api/1/events returned 401 Unauthorized: Authentication Failure");
    assertThat(server.getRequestCount()).as("no second token for a token OneLogin just issued").isEqualTo(2);
  }

  @Test
  void a401AfterTheRefreshIsNotRetriedAgain() {
    server.enqueue(token("old-token", 36000));
    server.enqueue(events());
    server.enqueue(json(401, resource("error-401.response.json")));
    server.enqueue(token("new-token", 36000));
    server.enqueue(json(401, resource("error-401.response.json")));
    client.events(SINCE, UNTIL, List.of(64L));

    ApiCallException e = catchThrowableOfType(() -> client.events(SINCE, UNTIL, List.of(64L)), ApiCallException.class);

    assertThat(e.kind()).isEqualTo(Kind.AUTHENTICATION);
    assertThat(server.getRequestCount()).isEqualTo(5);
  }

  @Test
  void a429WaitsForRetryAfterElseForTheDocumentedResetSecondsElseForTheBackoff() {
    server.enqueue(token());
    server.enqueue(json(429, "{}").setHeader("Retry-After", "12").setHeader("X-RateLimit-Reset", "832"));
    assertThat(catchThrowableOfType(() -> client.events(SINCE, UNTIL, List.of(64L)), ApiCallException.class).retryAfter())
        .isEqualTo(Duration.ofSeconds(12));

    server.enqueue(json(429, "{}").setHeader("X-RateLimit-Limit", "5000").setHeader("X-RateLimit-Remaining", "0")
        .setHeader("X-RateLimit-Reset", "832"));
    ApiCallException reset = catchThrowableOfType(() -> client.events(SINCE, UNTIL, List.of(64L)), ApiCallException.class);
    assertThat(reset.kind()).isEqualTo(Kind.RATE_LIMITED);
    assertThat(reset.retryAfter()).as("OneLogin: seconds until the limit resets").isEqualTo(Duration.ofSeconds(832));

    long epoch = clock.instant().plusSeconds(90).getEpochSecond();
    server.enqueue(json(429, "{}").setHeader("X-RateLimit-Reset", String.valueOf(epoch)));
    assertThat(catchThrowableOfType(() -> client.events(SINCE, UNTIL, List.of(64L)), ApiCallException.class).retryAfter())
        .as("an epoch timestamp read as one").isEqualTo(Duration.ofSeconds(90));

    server.enqueue(json(429, "{}"));
    ApiCallException bare = catchThrowableOfType(() -> client.events(SINCE, UNTIL, List.of(64L)), ApiCallException.class);
    assertThat(bare.kind()).isEqualTo(Kind.RATE_LIMITED);
    assertThat(bare.retryAfter()).isNull();
  }

  @Test
  void malformedJsonIsRetryableAndNeverQuoted() {
    server.enqueue(token());
    server.enqueue(json(200, "{\"status\":{\"error\":false},\"data\":[{\"id\":1,\"notes\":\"" + CLIENT_SECRET));

    ApiCallException e = catchThrowableOfType(() -> client.events(SINCE, UNTIL, List.of(64L)), ApiCallException.class);

    assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
    assertThat(e.getMessage()).isEqualTo("OneLogin API: GET /api/1/events returned unreadable JSON");
  }

  @Test
  void aCursorThatPointsBackIsAnIncompleteReadNotALoop() {
    String looping = "{\"status\":{\"error\":false},\"pagination\":{\"after_cursor\":\"same\"},\"data\":[]}";
    server.enqueue(token());
    server.enqueue(json(200, looping));
    server.enqueue(json(200, looping));

    ApiCallException e = catchThrowableOfType(() -> client.events(SINCE, UNTIL, List.of(64L)), ApiCallException.class);

    assertThat(e.kind()).isEqualTo(Kind.INCOMPLETE);
  }

  @Test
  void eventTypesAreReadOnceAndKeptForADay() throws Exception {
    server.enqueue(token("t1", 36000));
    server.enqueue(types());
    server.enqueue(token("t2", 36000));
    server.enqueue(types());

    List<OneLoginEventType> first = client.eventTypes();
    clock.advance(Duration.ofHours(23));
    client.eventTypes();
    assertThat(server.getRequestCount()).isEqualTo(2);
    clock.advance(Duration.ofHours(2));
    client.eventTypes();

    assertThat(server.getRequestCount()).as("a new token (the old one expired) and the types again").isEqualTo(4);
    take();
    assertThat(take().getPath()).isEqualTo("/api/1/events/types");
    assertThat(first).hasSize(12);
    assertThat(first.get(0)).isEqualTo(new OneLoginEventType(1, "APP_ADDED_TO_ROLE", "App %app% added to role %role%"));
  }

  @Test
  void noTypesMeansNoCall() {
    assertThat(client.events(SINCE, UNTIL, List.of())).isEmpty();
    assertThat(server.getRequestCount()).isZero();
  }
}
