package io.scimplaybook.activities.entra;

import static io.scimplaybook.activities.entra.GraphPayloads.jsonResponse;
import static io.scimplaybook.activities.entra.GraphPayloads.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.scimplaybook.activities.http.ApiCallException;
import io.scimplaybook.activities.http.ApiCallException.Kind;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GraphErrorsTest extends GraphServerTest {

  @ParameterizedTest
  @CsvSource({"10, PT10S", "2.128, PT2.128S", "0.5, PT0.5S"})
  void a429CarriesGraphsRetryAfter(String header, Duration expected) {
    enqueueToken();
    server.enqueue(jsonResponse(429, resource("graph-error-429.response.json")).setHeader("Retry-After", header));

    ApiCallException e = catchThrowableOfType(() -> client.getJob(SP_ID, JOB_ID), ApiCallException.class);

    assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
    assertThat(e.status()).isEqualTo(429);
    assertThat(e.retryAfter()).isEqualTo(expected);
    assertThat(e.getMessage())
        .contains("TooManyRequests", "Please retry again later.", "request-id 94fb3b52-452a-4535-a601-69e0a90e3aa2");
  }

  @Test
  void a429WithoutRetryAfterLeavesTheDelayToTemporal() {
    enqueueToken();
    server.enqueue(jsonResponse(429, resource("graph-error-429.response.json")));

    ApiCallException e = catchThrowableOfType(() -> client.getJob(SP_ID, JOB_ID), ApiCallException.class);

    assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
    assertThat(e.retryAfter()).isNull();
  }

  @Test
  void a5xxIsUnavailableAndUsesTheRequestIdHeaderWhenTheBodyHasNone() {
    enqueueToken();
    server.enqueue(jsonResponse(503, "<html>Service Unavailable</html>").setHeader("request-id", "hdr-req-1"));

    ApiCallException e = catchThrowableOfType(() -> client.getJob(SP_ID, JOB_ID), ApiCallException.class);

    assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
    assertThat(e.getMessage())
        .isEqualTo(
            "Microsoft Graph: GET /v1.0/servicePrincipals/" + SP_ID + "/synchronization/jobs/" + JOB_ID
                + " returned 503 (request-id hdr-req-1)");
  }

  @Test
  void aGenericGraphErrorNamesCodeMessageAndRequestId() {
    enqueueToken();
    server.enqueue(jsonResponse(400, resource("graph-error-generic.response.json")));

    ApiCallException e = catchThrowableOfType(() -> client.getJob(SP_ID, JOB_ID), ApiCallException.class);

    assertThat(e.kind()).isEqualTo(Kind.INVALID_REQUEST);
    assertThat(e.getMessage())
        .endsWith("returned 400 invalidRange: Uploaded fragment overlaps with existing data. (request-id request-id)");
  }
}
