package io.scimplaybook.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CatoGraphqlTest {
  private SandboxServer server;
  private SandboxHttp http;

  @BeforeEach
  void start() throws Exception {
    server = SandboxServer.start(SandboxConfig.defaults().withPort(0).withScenario(Scenario.TRANSIENT));
    http = new SandboxHttp(server);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void eventsFeedReturnsEachFailureOncePerMarkerPosition() {
    List<Map<String, Object>> filters = List.of(
        Map.of("fieldName", "event_sub_type", "operator", "is", "values", List.of("SCIM Provisioning")));
    JsonNode first = http.graphql(SandboxHttp.EVENTS_FEED, Map.of("accountIDs", List.of("12345"), "filters", filters))
        .path("data").path("eventsFeed");
    assertThat(first.path("fetchedCount").asInt()).isEqualTo(1);
    JsonNode record = first.path("accounts").get(0).path("records").get(0);
    assertThat(Instant.parse(record.path("time").asText())).isBefore(Instant.now());
    assertThat(record.path("fieldsMap").path("action").asText()).isEqualTo("Failed");
    String marker = first.path("marker").asText();

    JsonNode again = feed(marker, filters);
    assertThat(again.path("fetchedCount").asInt()).isZero();
    assertThat(again.path("marker").asText()).isEqualTo(marker);

    assertThat(http.control("POST", "/sandbox/cato/failure").statusCode()).isEqualTo(200);
    JsonNode next = feed(marker, filters);
    assertThat(next.path("fetchedCount").asInt()).isEqualTo(1);
    assertThat(feed(next.path("marker").asText(), filters).path("fetchedCount").asInt()).isZero();

    JsonNode otherType = feed(null, List.of(
        Map.of("fieldName", "event_type", "operator", "is", "values", List.of("Security"))));
    assertThat(otherType.path("fetchedCount").asInt()).isZero();
  }

  @Test
  void aNewFailureReopensAMonitoredStory() {
    http.provisionOnDemand(http.graphToken());
    assertThat(http.story().path("incident").path("status").asText()).isEqualTo("Monitoring");
    http.control("POST", "/sandbox/cato/failure");
    assertThat(http.story().path("incident").path("status").asText()).isEqualTo("Reopened");
  }

  @Test
  void eventsHonourTheTimeFrame() {
    assertThat(events("last.PT1H").path("records")).hasSize(1);
    assertThat(events("last.PT1M").path("records")).isEmpty();

    JsonNode bad = http.graphql(SandboxHttp.EVENTS, Map.of("accountID", "12345", "timeFrame", "yesterday"));
    assertThat(bad.path("errors").get(0).path("message").asText()).contains("timeFrame");
  }

  @Test
  void storiesFollowTheStatusFilterAndPaging() {
    JsonNode open = stories(Map.of("in", List.of("Open", "Reopened")), 0);
    assertThat(open.path("items")).hasSize(1);
    JsonNode incident = open.path("items").get(0).path("incident");
    assertThat(incident.path("producer").asText()).isEqualTo("NetworkXDR");
    assertThat(incident.path("accountOperationIncident").path("metadata"))
        .anySatisfy(m -> assertThat(m.path("value").asText()).isEqualTo("7"));
    assertThat(stories(Map.of("in", List.of("Closed")), 0).path("items")).isEmpty();
    JsonNode paged = stories(Map.of(), 1);
    assertThat(paged.path("items")).isEmpty();
    assertThat(paged.path("paging").path("total").asInt()).isEqualTo(1);
  }

  @Test
  void anUnknownStoryIsAnErrorWithANullStory() {
    JsonNode body = http.graphql(SandboxHttp.STORY, Map.of("accountID", "12345", "storyId", "nope"));
    assertThat(body.path("data").path("xdr").path("story").isNull()).isTrue();
    assertThat(body.path("errors")).hasSize(1);
  }

  @Test
  void catosOwnCliVariableNamesWorkToo() {
    String query = "query xdrStories ( $accountID:ID! $storyInput:StoryInput!) {\n\txdr ( accountID:$accountID ) {\n"
        + "\t\tstories ( input:$storyInput  )  {\n\t\t\tpaging { from limit total }\n\t\t\titems { id } } } }";
    JsonNode body = http.graphql(query, Map.of("accountID", "12345", "storyInput",
        Map.of("filter", List.of(Map.of("timeFrame", Map.of("time", "last.P1M"))), "paging",
            Map.of("from", 0, "limit", 100))));
    assertThat(body.path("data").path("xdr").path("stories").path("items").get(0).path("id").asText())
        .isEqualTo(server.storyId());
  }

  private JsonNode feed(String marker, Object filters) {
    Map<String, Object> variables = new java.util.HashMap<>();
    variables.put("accountIDs", List.of("12345"));
    variables.put("filters", filters);
    variables.put("marker", marker);
    return http.graphql(SandboxHttp.EVENTS_FEED, variables).path("data").path("eventsFeed");
  }

  private JsonNode events(String timeFrame) {
    return http.graphql(SandboxHttp.EVENTS, Map.of("accountID", "12345", "timeFrame", timeFrame))
        .path("data").path("events");
  }

  private JsonNode stories(Map<String, Object> status, int from) {
    Map<String, Object> filter = new java.util.HashMap<>();
    filter.put("timeFrame", Map.of("time", "last.P7D"));
    if (!status.isEmpty()) {
      filter.put("status", status);
    }
    Map<String, Object> input = Map.of("filter", List.of(filter), "paging", Map.of("from", from, "limit", 10));
    return http.graphql(SandboxHttp.STORIES, Map.of("accountID", "12345", "input", input))
        .path("data").path("xdr").path("stories");
  }
}
