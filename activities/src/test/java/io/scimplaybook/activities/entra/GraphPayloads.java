package io.scimplaybook.activities.entra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimplaybook.activities.http.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;

/** Documented Graph payloads from src/test/resources/entra and the few the docs do not publish. */
public final class GraphPayloads {
  public static final String TENANT = "contoso.onmicrosoft.com";
  public static final String CLIENT_ID = "6731de76-14a6-49ae-97bc-6eba6914391e";
  public static final String CLIENT_SECRET = "JqQX2PNo9bpM0uEihUPzyrh";

  private GraphPayloads() {}

  public static String resource(String name) {
    try (InputStream in = GraphPayloads.class.getResourceAsStream("/entra/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource entra/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static JsonNode json(String text) {
    try {
      return Json.mapper().readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static JsonNode body(RecordedRequest request) {
    return json(request.getBody().readUtf8());
  }

  public static MockResponse jsonResponse(int status, String body) {
    return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body);
  }

  public static MockResponse token(String accessToken, long expiresIn) {
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("token_type", "Bearer").put("expires_in", expiresIn).put("access_token", accessToken);
    return jsonResponse(200, body.toString());
  }

  public static EntraSettings settings(okhttp3.mockwebserver.MockWebServer server) {
    return new EntraSettings(
        server.url("/login").toString(), server.url("/v1.0").toString(), TENANT, CLIENT_ID, CLIENT_SECRET, null);
  }

  /**
   * A failing provision-on-demand in the documented shape of graph-provisionOnDemand.response.json (Microsoft publishes
   * no failing example): {@code key} and {@code value} are JSON strings, the export step has status Failure.
   */
  public static String failingProvisionOnDemand() {
    ObjectNode key = Json.mapper().createObjectNode();
    key.put("result", "Failure");
    key.putObject("details")
        .put("errorCode", "SystemForCrossDomainIdentityManagementCredentialValidationUnavailable")
        .put("errorMessage", "Invalid credentials");

    ObjectNode value = Json.mapper().createObjectNode();
    value.put("action", "Create");
    value.put("reportableIdentifier", "probe@contoso.com");
    var steps = value.putArray("provisioningSteps");
    steps.addObject()
        .put("name", "EntryImport")
        .put("type", "Import")
        .put("status", "Success")
        .put("description", "Retrieved User 'probe@contoso.com' from Azure Active Directory")
        .putObject("details")
        .put("userPrincipalName", "probe@contoso.com");
    steps.addObject()
        .put("name", "EntryExportAdd")
        .put("type", "Export")
        .put("status", "Failure")
        .put("description", "Failed to create User 'probe@contoso.com' in customappsso")
        .putObject("details")
        .put("ErrorCode", "SystemForCrossDomainIdentityManagementCredentialValidationUnavailable")
        .put(
            "Reason",
            "We are unable to connect to the SCIM endpoint: the endpoint returned 401 Unauthorized (invalid credentials).")
        .put("ReportableIdentifier", "probe@contoso.com");
    value.putObject("statusInfo")
        .put("status", "Failure")
        .put("errorCode", "SystemForCrossDomainIdentityManagementCredentialValidationUnavailable")
        .put("reason", "Invalid credentials")
        .put("errorCategory", "NonServiceFailure");

    ObjectNode response = Json.mapper().createObjectNode();
    response.put("@odata.context", "https://graph.microsoft.com/v1.0/$metadata#microsoft.graph.stringKeyStringValuePair");
    response.put("key", key.toString());
    response.put("value", value.toString());
    return response.toString();
  }

  /** A job the way Entra shows one after repeated 401s from the SCIM endpoint. */
  public static String quarantinedJob() {
    return """
        {
          "id": "scim.0a1b2c3d.catonetworks",
          "templateId": "scim",
          "status": {
            "code": "Quarantine",
            "countSuccessiveCompleteFailures": 3,
            "lastExecution": {
              "state": "Failed",
              "timeBegan": "2025-05-01T10:00:00Z",
              "timeEnded": "2025-05-01T10:00:05Z",
              "error": {"code": "SystemForCrossDomainIdentityManagementCredentialValidationUnavailable",
                        "message": "The credentials were rejected"}
            },
            "quarantine": {
              "reason": "EncounteredQuarantineException",
              "seriesCount": 4,
              "nextAttempt": "2025-05-01T22:00:00Z",
              "error": {"code": "SystemForCrossDomainIdentityManagementUnauthorized", "message": "401 Unauthorized"}
            }
          }
        }
        """;
  }
}
