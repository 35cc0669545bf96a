package io.scimplaybook.activities.entra;

import static io.scimplaybook.activities.entra.GraphPayloads.jsonResponse;
import static io.scimplaybook.activities.entra.GraphPayloads.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.scimplaybook.activities.http.ApiCallException;
import io.scimplaybook.activities.http.ApiCallException.Kind;
import java.time.Duration;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

class EntraTokenTest extends GraphServerTest {

  @Test
  void requestsAClientCredentialsTokenAndSendsItAsBearer() throws Exception {
    server.enqueue(jsonResponse(200, resource("entra-token-clientCredentials.response.json")));
    server.enqueue(jsonResponse(200, resource("graph-synchronizationJob-get.response.json")));

    client.getJob(SP_ID, JOB_ID);

    RecordedRequest tokenRequest = takeTokenRequest();
    assertThat(tokenRequest.getMethod()).isEqualTo("POST");
    assertThat(tokenRequest.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
    // Parse the form the way a server would, through a URL's query decoder.
    HttpUrl form = HttpUrl.get("http://form/?" + tokenRequest.getBody().readUtf8());
    assertThat(form.queryParameterNames()).containsExactlyInAnyOrder("client_id", "client_secret", "scope", "grant_type");
    assertThat(form.queryParameter("client_id")).isEqualTo(GraphPayloads.CLIENT_ID);
    assertThat(form.queryParameter("client_secret")).isEqualTo(GraphPayloads.CLIENT_SECRET);
    assertThat(form.queryParameter("scope")).isEqualTo("https://graph.microsoft.com/.default");
    assertThat(form.queryParameter("grant_type")).isEqualTo("client_credentials");

    RecordedRequest graphCall = take();
    assertThat(graphCall.getHeader("Authorization"))
        .isEqualTo("Bearer eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiIsIng1dCI6Ik1uQ19WWmNBVGZNNXBP...");
  }

  @Test
  void oneTokenServesTwoCallsUntilItNearsExpiry() throws Exception {
    server.enqueue(GraphPayloads.token("first-token", 3599));
    server.enqueue(jsonResponse(200, resource("graph-synchronizationJob-get.response.json")));
    server.enqueue(jsonResponse(200, resource("graph-synchronizationJob-get.response.json")));
    server.enqueue(GraphPayloads.token("second-token", 3599));
    server.enqueue(jsonResponse(200, resource("graph-synchronizationJob-get.response.json")));

    client.getJob(SP_ID, JOB_ID);
    clock.advance(Duration.ofMinutes(50));
    client.getJob(SP_ID, JOB_ID);

    takeTokenRequest();
    assertThat(take().getHeader("Authorization")).isEqualTo("Bearer first-token");
    assertThat(take().getHeader("Authorization")).isEqualTo("Bearer first-token");
    assertThat(server.getRequestCount()).as("one token request for two Graph calls").isEqualTo(3);

    // 3599 s minus the refresh margin has passed: the cached token is stale.
    clock.advance(Duration.ofMinutes(9));
    client.getJob(SP_ID, JOB_ID);

    takeTokenRequest();
    assertThat(take().getHeader("Authorization")).isEqualTo("Bearer second-token");
    assertThat(server.getRequestCount()).isEqualTo(5);
  }

  @Test
  void aRefusedClientSecretIsAnAuthenticationFailureThatNamesTheAadstsErrorButNotTheSecret() {
    // Entra sometimes quotes what it was sent; the secret is put in the description to prove it is scrubbed.
    server.enqueue(
        jsonResponse(
            401,
            """
            {"error":"invalid_client",
             "error_description":"AADSTS7000215: Invalid client secret provided (%s).\\r\\nTrace ID: 1\\r\\nCorrelation ID: 2",
             "error_codes":[7000215]}
            """
                .formatted(GraphPayloads.CLIENT_SECRET)));

    ApiCallException e = catchThrowableOfType(() -> client.getJob(SP_ID, JOB_ID), ApiCallException.class);

    assertThat(e.kind()).isEqualTo(Kind.AUTHENTICATION);
    assertThat(e.status()).isEqualTo(401);
    assertThat(e.getMessage())
        .contains("invalid_client", "AADSTS7000215", GraphPayloads.TENANT)
        .doesNotContain(GraphPayloads.CLIENT_SECRET)
        .doesNotContain("Trace ID");
    assertThat(server.getRequestCount()).as("no Graph call without a token").isEqualTo(1);
  }

  @Test
  void aDocumentedTokenErrorOn400IsAnAuthenticationFailure() {
    server.enqueue(jsonResponse(400, resource("entra-token-clientCredentials-error.response.json")));

    ApiCallException e = catchThrowableOfType(() -> client.getJob(SP_ID, JOB_ID), ApiCallException.class);

    assertThat(e.kind()).isEqualTo(Kind.AUTHENTICATION);
    assertThat(e.getMessage()).contains("invalid_scope", "AADSTS70011");
  }

  @Test
  void aThrottledTokenEndpointIsRetryableWithItsDelay() {
    server.enqueue(jsonResponse(429, "{}").setHeader("Retry-After", "3"));

    ApiCallException e = catchThrowableOfType(() -> client.getJob(SP_ID, JOB_ID), ApiCallException.class);

    assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void a401OnAFreshTokenIsFinalAndTheNextCallFetchesANewToken() throws Exception {
    server.enqueue(GraphPayloads.token("revoked-token", 3599));
    server.enqueue(jsonResponse(401, "{\"error\":{\"code\":\"InvalidAuthenticationToken\",\"message\":\"Access token validation failure.\"}}"));
    server.enqueue(GraphPayloads.token("new-token", 3599));
    server.enqueue(jsonResponse(200, resource("graph-synchronizationJob-get.response.json")));

    ApiCallException e = catchThrowableOfType(() -> client.getJob(SP_ID, JOB_ID), ApiCallException.class);
    assertThat(e.kind()).isEqualTo(Kind.AUTHENTICATION);
    assertThat(e.getMessage()).contains("InvalidAuthenticationToken", "Access token validation failure")
        .doesNotContain("revoked-token");

    client.getJob(SP_ID, JOB_ID);

    takeTokenRequest();
    assertThat(take().getHeader("Authorization")).isEqualTo("Bearer revoked-token");
    takeTokenRequest();
    assertThat(take().getHeader("Authorization")).isEqualTo("Bearer new-token");
  }

  @Test
  void a401OnACachedTokenIsRetriedOnceWithANewToken() throws Exception {
    server.enqueue(GraphPayloads.token("cached-token", 3599));
    server.enqueue(jsonResponse(200, resource("graph-synchronizationJob-get.response.json")));
    server.enqueue(jsonResponse(401, "{\"error\":{\"code\":\"InvalidAuthenticationToken\",\"message\":\"revoked\"}}"));
    server.enqueue(GraphPayloads.token("new-token", 3599));
    server.enqueue(jsonResponse(200, resource("graph-synchronizationJob-get.response.json")));

    client.getJob(SP_ID, JOB_ID);
    SynchronizationJobStatus job = client.getJob(SP_ID, JOB_ID);

    assertThat(job.code()).isEqualTo("Paused");
    takeTokenRequest();
    assertThat(take().getHeader("Authorization")).isEqualTo("Bearer cached-token");
    assertThat(take().getHeader("Authorization")).isEqualTo("Bearer cached-token");
    takeTokenRequest();
    assertThat(take().getHeader("Authorization")).isEqualTo("Bearer new-token");
  }
}
