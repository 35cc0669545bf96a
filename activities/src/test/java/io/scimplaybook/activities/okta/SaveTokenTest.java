package io.scimplaybook.activities.okta;

import static io.scimplaybook.activities.okta.OktaPayloads.APP_ID;
import static io.scimplaybook.activities.okta.OktaPayloads.SCIM_TOKEN;
import static io.scimplaybook.activities.okta.OktaPayloads.jsonResponse;
import static io.scimplaybook.activities.okta.OktaPayloads.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.scimplaybook.api.activities.FailureTypes;
import io.temporal.failure.ApplicationFailure;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

/** Installing Cato's token through Okta's connections API, in its documented request shape. */
class SaveTokenTest extends OktaServerTest {
  static final String TENANT_URL = "https://scimservice.catonetworks.com:4443/scim/v2/4711/77";

  @Test
  void postsTheDocumentedTokenConnectionAndActivatesIt() throws Exception {
    server.enqueue(jsonResponse(200, resource("okta-app-connection-default.response.json")));

    new OktaPortFixture(server, clock, 1).port.saveToken(OktaPortFixture.source(server), TENANT_URL, SCIM_TOKEN);

    RecordedRequest request = take();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getPath()).isEqualTo("/api/v1/apps/" + APP_ID + "/connections/default?activate=true");
    var documented = OktaPayloads.json(resource("okta-app-connection-default.request.json"));
    var sent = OktaPayloads.body(request);
    assertThat(sent.fieldNames()).toIterable().containsExactlyElementsOf(() -> documented.fieldNames());
    assertThat(sent.get("baseUrl").asText()).isEqualTo(TENANT_URL);
    assertThat(sent.get("profile").get("authScheme").asText()).isEqualTo("TOKEN");
    assertThat(sent.get("profile").get("token").asText()).isEqualTo(SCIM_TOKEN);
  }

  @Test
  void aConnectionOktaCannotActivateEndsTheSaveWithoutTheToken() {
    server.enqueue(jsonResponse(400, "{\"errorCode\":\"E0000001\",\"errorSummary\":\"Api validation failed:"
        + " connection\",\"errorId\":\"oae3\",\"errorCauses\":[{\"errorSummary\":\"Could not connect with token "
        + SCIM_TOKEN + ": 401 Unauthorized\"}]}"));

    ApplicationFailure failure = catchThrowableOfType(() -> new OktaPortFixture(server, clock, 1).port
        .saveToken(OktaPortFixture.source(server), TENANT_URL, SCIM_TOKEN), ApplicationFailure.class);

    assertThat(failure.getType()).isEqualTo(FailureTypes.INVALID_REQUEST);
    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getOriginalMessage()).contains("E0000001", "401 Unauthorized", "[redacted]")
        .doesNotContain(SCIM_TOKEN);
  }

  @Test
  void noTenantUrlIsAConfigurationErrorBeforeAnyCall() {
    ApplicationFailure failure = catchThrowableOfType(() -> new OktaPortFixture(server, clock, 1).port
        .saveToken(OktaPortFixture.source(server), null, SCIM_TOKEN), ApplicationFailure.class);

    assertThat(failure.getType()).isEqualTo(FailureTypes.CONFIGURATION);
    assertThat(server.getRequestCount()).isZero();
  }
}
