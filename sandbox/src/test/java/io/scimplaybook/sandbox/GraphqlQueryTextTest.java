package io.scimplaybook.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GraphqlQueryTextTest {
  @Test
  void findsTheOperationsFirstFieldPastVariablesCommentsAndAliases() {
    assertThat(new GraphqlQueryText("{ eventsFeed(accountIDs: [\"1\"]) { marker } }").topLevelField())
        .contains("eventsFeed");
    assertThat(new GraphqlQueryText(
        "# the {feed}\nquery q($f: [EventsFilter!] = [{fieldName: action}]) { mine: events(accountID: 1) { id } }")
        .topLevelField()).contains("events");
    assertThat(new GraphqlQueryText("query { auditFeed(timeFrame: \"last.{P1D}\") { marker } }").topLevelField())
        .contains("auditFeed");
  }

  @Test
  void findsTheFieldUnderXdr() {
    assertThat(new GraphqlQueryText("query s($a: ID!) { xdr(accountID: $a) { stories(input: {}) { items { id } } } }")
        .firstChildOf("xdr")).contains("stories");
    assertThat(new GraphqlQueryText("query { xdr(accountID: 1) { one: story(storyId: \"x\") { id } } }")
        .firstChildOf("xdr")).contains("story");
    assertThat(new GraphqlQueryText("query { events { id } }").firstChildOf("xdr")).isEmpty();
  }

  @Test
  void argumentsResolveThroughTheQueryText() throws Exception {
    GraphqlRequest request = new GraphqlRequest(
        "query a($accountIDs:[ID!] $auditFieldFilterInput:[AuditFieldFilterInput!]) {"
            + " auditFeed(accountIDs:$accountIDs filters:$auditFieldFilterInput timeFrame:\"last.P1D\") { marker } }",
        SandboxHttp.MAPPER.readTree("{\"accountIDs\":[\"12345\"],\"auditFieldFilterInput\":[{\"operator\":\"is\"}]}"));
    assertThat(request.operationField()).isEqualTo("auditFeed");
    assertThat(request.argument("accountIDs").get(0).asText()).isEqualTo("12345");
    assertThat(request.argument("filters").get(0).path("operator").asText()).isEqualTo("is");
    assertThat(request.stringArgument("timeFrame")).isEqualTo("last.P1D");
    assertThat(request.argument("marker")).isNull();
  }
}
