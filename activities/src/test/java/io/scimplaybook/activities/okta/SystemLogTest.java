package io.scimplaybook.activities.okta;

import static io.scimplaybook.activities.okta.OktaPayloads.API_TOKEN;
import static io.scimplaybook.activities.okta.OktaPayloads.APP_ID;
import static io.scimplaybook.activities.okta.OktaPayloads.jsonResponse;
import static io.scimplaybook.activities.okta.OktaPayloads.page;
import static io.scimplaybook.activities.okta.OktaPayloads.push;
import static io.scimplaybook.activities.okta.OktaPayloads.resource;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

/** The System Log read on Okta's documented pages: the query, paging by Link, and every shape a page may have. */
class SystemLogTest extends OktaServerTest {
  static final Instant FROM = Instant.parse("2025-05-01T08:00:00Z");
  static final Instant TO = Instant.parse("2025-05-01T10:00:00Z");

  @Test
  void readsTheDocumentedPageWithTheApiTokenAndABoundedQuery() throws Exception {
    server.enqueue(jsonResponse(200, resource("okta-systemLog-list.response.json")));

    List<LogEvent> events = client.logs(FROM, TO, OktaEventTypes.outcomes(APP_ID));

    assertThat(events).hasSize(1);
    LogEvent event = events.get(0);
    assertThat(event.eventType()).isEqualTo("user.session.start");
    assertThat(event.published()).isEqualTo(Instant.parse("2024-08-13T15:58:20.353Z"));
    assertThat(event.result()).isEqualTo("SUCCESS");
    assertThat(event.reason()).isNull();
    assertThat(event.actor()).isEqualTo("John Doe (john.doe@example.com)");
    assertThat(event.targets()).extracting(LogTarget::type).containsExactly("AuthenticatorEnrollment", "AppInstance");

    RecordedRequest request = take();
    assertThat(request.getHeader("Authorization")).isEqualTo("SSWS " + API_TOKEN);
    HttpUrl url = request.getRequestUrl();
    assertThat(url.encodedPath()).isEqualTo("/api/v1/logs");
    assertThat(url.queryParameter("since")).isEqualTo("2025-05-01T08:00:00Z");
    assertThat(url.queryParameter("until")).as("always bounded: a polling query never stops linking")
        .isEqualTo("2025-05-01T10:00:00Z");
    assertThat(url.queryParameter("limit")).isEqualTo("1000");
    assertThat(url.queryParameter("filter"))
        .isEqualTo("(eventType sw \"application.provision.user.push\" or eventType eq"
            + " \"application.integration.authentication_failure\" or eventType eq"
            + " \"application.integration.general_failure\" or eventType eq"
            + " \"application.integration.rate_limit_exceeded\") and target.id eq \"" + APP_ID + "\"");
  }

  @Test
  void followsTheNextLinkAmongOktasSeparateLinkHeadersAndStopsWhereThereIsNone() throws Exception {
    String next = server.url("/api/v1/logs?after=1714550400000_1&limit=1000").toString();
    server.enqueue(jsonResponse(200, page(push("2025-05-01T09:00:00.000Z", "SUCCESS", null)))
        .addHeader("Link", "<" + server.url("/api/v1/logs?limit=1000") + ">; rel=\"self\"")
        .addHeader("Link", "<" + next + ">; rel=\"next\""));
    server.enqueue(jsonResponse(200, page(push("2025-05-01T09:30:00.000Z", "FAILURE", "Conflict")))
        .addHeader("Link", "<" + next + ">; rel=\"self\""));

    List<LogEvent> events = client.logs(FROM, TO, null);

    assertThat(events).extracting(LogEvent::result).containsExactly("SUCCESS", "FAILURE");
    take();
    assertThat(take().getRequestUrl().toString()).isEqualTo(next);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aRelativeNextLinkIsReadOnTheSameOrg() throws Exception {
    server.enqueue(jsonResponse(200, page(push("2025-05-01T09:00:00.000Z", "SUCCESS", null)))
        .addHeader("Link", "</api/v1/logs?after=abc&limit=1000>; rel=\"next\""));
    server.enqueue(jsonResponse(200, page(push("2025-05-01T09:30:00.000Z", "SUCCESS", null))));

    assertThat(client.logs(FROM, TO, null)).hasSize(2);
    take();
    assertThat(take().getPath()).isEqualTo("/api/v1/logs?after=abc&limit=1000");
  }

  @Test
  void anEmptyPageEndsTheReadThoughItStillLinksOn() throws Exception {
    server.enqueue(jsonResponse(200, "[]").addHeader("Link", "<" + server.url("/api/v1/logs?after=2") + ">; rel=\"next\""));

    assertThat(client.logs(FROM, TO, null)).isEmpty();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void readsLinksGivenInOneCommaSeparatedHeader() {
    assertThat(OktaClient.nextLink(List.of(
        "<https://x.okta.com/api/v1/logs?limit=2>; rel=\"self\", <https://x.okta.com/api/v1/logs?after=9>; rel=\"next\"")))
        .isEqualTo("https://x.okta.com/api/v1/logs?after=9");
    assertThat(OktaClient.nextLink(List.of("<https://x.okta.com/api/v1/logs?limit=2>; rel=\"self\""))).isNull();
    assertThat(OktaClient.nextLink(List.of())).isNull();
  }

  @Test
  void aPagePublishedAsOneBareEventIsReadAsThatEvent() {
    server.enqueue(jsonResponse(200, resource("okta-systemLog-list-securityContext.response.json")));

    List<LogEvent> events = client.logs(FROM, TO, null);

    assertThat(events).singleElement().satisfies(e -> {
      assertThat(e.uuid()).isEqualTo("dc9fd3c0-598c-11ef-8478-2b7584bf8d5a");
      assertThat(e.targets()).hasSize(2);
    });
  }

  @Test
  void anEventWithAnImpossibleDateOrNoFieldsAtAllIsKeptWithWhatItHas() {
    server.enqueue(jsonResponse(200,
        "[" + resource("okta-systemLog-logevent.example.json") + ", {}, {\"eventType\":\"something.new\",\"target\":null,"
            + "\"outcome\":{\"result\":\"FAILURE\"},\"futureField\":{\"x\":1}}]"));

    List<LogEvent> events = client.logs(FROM, TO, null);

    assertThat(events).hasSize(3);
    assertThat(events.get(0).published()).as("Okta's example is dated 2017-09-31").isNull();
    assertThat(events.get(0).actor()).isEqualTo("John Doe (admin@example.com)");
    assertThat(events.get(1)).isEqualTo(new LogEvent(null, null, null, null, null, null, null, List.of()));
    assertThat(events.get(2).eventType()).isEqualTo("something.new");
    assertThat(events.get(2).line()).isEqualTo("(time unknown) something.new FAILURE");
  }

  @Test
  void theNewestReadAsksForOnePageNewestFirst() throws Exception {
    server.enqueue(jsonResponse(200, page(push("2025-05-01T09:30:00.000Z", "SUCCESS", null)))
        .addHeader("Link", "<" + server.url("/api/v1/logs?after=2") + ">; rel=\"next\""));

    assertThat(client.newestLogs(FROM, TO, null, 100)).hasSize(1);

    HttpUrl url = take().getRequestUrl();
    assertThat(url.queryParameter("sortOrder")).isEqualTo("DESCENDING");
    assertThat(url.queryParameter("limit")).isEqualTo("100");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }
}
