package io.scimplaybook.activities.entra;

import static io.scimplaybook.activities.entra.GraphPayloads.jsonResponse;
import static io.scimplaybook.activities.entra.GraphPayloads.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimplaybook.activities.http.ApiCallException;
import java.time.Instant;
import java.util.List;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

class AuditLogsTest extends GraphServerTest {
  static final String WINDOW = "activityDateTime ge 2025-05-01T08:00:00Z and activityDateTime le 2025-05-01T10:00:00Z";

  @Test
  void directoryAuditsSendsTheFilterFollowsNextLinkAndReadsTheDocumentedEntries() throws Exception {
    ObjectNode firstPage = (ObjectNode) GraphPayloads.json(resource("graph-auditLogs-directoryAudits.response.json"));
    firstPage.put("@odata.nextLink", server.url("/v1.0/auditLogs/directoryAudits?$skiptoken=page2").toString());
    enqueueToken();
    server.enqueue(jsonResponse(200, firstPage.toString()));
    server.enqueue(jsonResponse(200, resource("graph-auditLogs-directoryAudits-filtered.response.json")));

    List<DirectoryAudit> audits = client.directoryAudits(WINDOW);

    takeTokenRequest();
    RecordedRequest first = take();
    assertThat(first.getMethod()).isEqualTo("GET");
    assertThat(first.getRequestUrl().encodedPath()).isEqualTo("/v1.0/auditLogs/directoryAudits");
    assertThat(first.getRequestUrl().queryParameter("$filter")).isEqualTo(WINDOW);
    assertThat(first.getHeader("Authorization")).isEqualTo("Bearer " + ACCESS_TOKEN);
    RecordedRequest second = take();
    assertThat(second.getRequestUrl().queryParameter("$skiptoken")).isEqualTo("page2");
    assertThat(second.getHeader("Authorization")).isEqualTo("Bearer " + ACCESS_TOKEN);

    assertThat(audits).hasSize(2);
    DirectoryAudit added = audits.get(0);
    assertThat(added.activityDateTime()).isEqualTo(Instant.parse("2018-01-09T21:20:02.7215374Z"));
    assertThat(added.activityDisplayName()).isEqualTo("Add member to group");
    assertThat(added.category()).isEqualTo("UserManagement");
    assertThat(added.initiatedBy()).isEqualTo("bob@wingtiptoysonline.com");
    assertThat(added.targetResources()).extracting(AuditTarget::id)
        .containsExactly("ef7e527d-6c92-4234-8c6d-cf6fdfb57f95", "1f0e98f5-3161-4c6b-9b50-d488572f2bb7");
    assertThat(added.targetResources().get(0).type()).as("published as \"Type\"").isEqualTo("Group");
    assertThat(added.targetResources().get(0).modifiedProperties())
        .containsExactly(new ModifiedProperty("Action Client Name", null, "DirectorySync"));

    DirectoryAudit filtered = audits.get(1);
    assertThat(filtered.category()).isEqualTo("GroupManagement");
    assertThat(filtered.operationType()).isEqualTo("Update");
    // No principal name and no app: the user id is the only name the entry has.
    assertThat(filtered.initiatedBy()).isEqualTo("00000000-0000-0000-0000-000000000000");
  }

  @Test
  void aNextLinkToAnotherHostIsNotFollowed() {
    ObjectNode page = (ObjectNode) GraphPayloads.json(resource("graph-auditLogs-directoryAudits.response.json"));
    page.put("@odata.nextLink", "https://attacker.example/v1.0/auditLogs/directoryAudits?$skiptoken=x");
    enqueueToken();
    server.enqueue(jsonResponse(200, page.toString()));

    ApiCallException e = catchThrowableOfType(() -> client.directoryAudits(WINDOW), ApiCallException.class);

    // Not followed (it would receive our token), and the first page is not passed off as the whole log either.
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(e.kind()).isEqualTo(ApiCallException.Kind.INCOMPLETE);
    assertThat(e.getMessage()).contains("another host").doesNotContain("attacker.example");
  }

  @Test
  void provisioningLogsSendsTheFilterAndReadsBothPublishedEntryShapes() throws Exception {
    String filter = WINDOW + " and provisioningStatusInfo/status eq 'failure'";
    enqueueToken();
    server.enqueue(jsonResponse(200, resource("graph-auditLogs-provisioning-failure.response.json")));
    server.enqueue(jsonResponse(200, resource("graph-auditLogs-provisioning.response.json")));

    List<ProvisioningEvent> failures = client.provisioningLogs(filter);
    // Fixed copy: the published success example has a trailing comma (see src/test/resources/entra/README.md).
    List<ProvisioningEvent> successes = client.provisioningLogs(filter);

    takeTokenRequest();
    RecordedRequest request = take();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getRequestUrl().encodedPath()).isEqualTo("/v1.0/auditLogs/provisioning");
    assertThat(request.getRequestUrl().queryParameter("$filter")).isEqualTo(filter);
    assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + ACCESS_TOKEN);

    assertThat(failures).hasSize(1);
    ProvisioningEvent failure = failures.get(0);
    assertThat(failure.activityDateTime()).isEqualTo(Instant.parse("2019-06-24T20:53:08Z"));
    assertThat(failure.status()).isEqualTo("failure");
    assertThat(failure.failed()).isTrue();
    assertThat(failure.errorCode()).isEqualTo("ContosoEntryConflict");
    assertThat(failure.reason()).startsWith("Message: Contoso returned an error response with the HTTP status code 409.");
    assertThat(failure.targetDisplayName()).as("published as an empty string").isNull();
    assertThat(failure.sourceDisplayName()).isEqualTo("Self-service Pilot");
    assertThat(failure.servicePrincipalId()).isEqualTo("chc46a42-966b-47d7-9774-576b1c8bd0b8");
    assertThat(failure.initiatorType()).as("published as initiatorType").isEqualTo("system");

    ProvisioningEvent success = successes.get(0);
    assertThat(success.failed()).isFalse();
    assertThat(success.errorCode()).isNull();
    assertThat(success.servicePrincipalId()).isEqualTo("6cc35b93-185a-4485-a519-50c09549g3ad");
    assertThat(success.initiatorType()).as("published as initiatingType").isEqualTo("system");
  }
}
