package io.scimplaybook.worker;

import io.scimplaybook.activities.cato.CatoGraphqlClient;
import io.scimplaybook.api.input.EntraTarget;
import io.scimplaybook.api.input.Idp;
import io.scimplaybook.api.input.SourceProfile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Everything the worker needs to reach Cato and the IdPs. Keys and secrets come from the environment; nothing here
 * ever enters a workflow's input or history.
 */
@ConfigurationProperties("scim-playbook")
public record WorkerProperties(
    Cato cato, Entra entra, String sealKey, @DefaultValue("escalations") Path escalationDir, List<Source> sources) {

  /**
   * @param sourceIdField the eventsFeed {@code fieldsMap} key read as the SCIM source id (default {@code resource_id});
   *     Cato does not document one for SCIM events, so a record without it is attributed from its hints
   */
  public record Cato(
      @DefaultValue("https://api.catonetworks.com/api/v1/graphql2") String graphqlUrl,
      String apiKey,
      @DefaultValue("https://scimservice.catonetworks.com:4443/scim/v2") String scimBaseUrl,
      @DefaultValue("30s") Duration timeout,
      @DefaultValue(CatoGraphqlClient.SOURCE_ID_FIELD) String sourceIdField) {

    @ConstructorBinding
    public Cato {}

    public Cato(String graphqlUrl, String apiKey, String scimBaseUrl, Duration timeout) {
      this(graphqlUrl, apiKey, scimBaseUrl, timeout, CatoGraphqlClient.SOURCE_ID_FIELD);
    }

    @Override
    public String toString() {
      return "Cato[graphqlUrl=" + graphqlUrl + ", scimBaseUrl=" + scimBaseUrl + ", sourceIdField=" + sourceIdField
          + ", apiKey=<hidden>]";
    }
  }

  public record Entra(
      @DefaultValue("https://login.microsoftonline.com") String loginBaseUrl,
      @DefaultValue("https://graph.microsoft.com/v1.0") String graphBaseUrl,
      String tenantId,
      String clientId,
      String clientSecret,
      @DefaultValue("30s") Duration timeout) {
    @Override
    public String toString() {
      return "Entra[tenantId=" + tenantId + ", clientId=" + clientId + ", clientSecret=<hidden>]";
    }

    /** The credential settings, by their property names under scim-playbook.entra. */
    public static final List<String> CREDENTIALS = List.of("tenant-id", "client-id", "client-secret");

    /** The credential settings left unset; blank counts as unset, as an empty environment variable leaves them. */
    public List<String> missingCredentials() {
      List<String> missing = new ArrayList<>();
      if (tenantId == null || tenantId.isBlank()) missing.add("tenant-id");
      if (clientId == null || clientId.isBlank()) missing.add("client-id");
      if (clientSecret == null || clientSecret.isBlank()) missing.add("client-secret");
      return missing;
    }
  }

  /** One SCIM source (IdP connection) of one Cato account. */
  public record Source(
      String accountId,
      String sourceId,
      @DefaultValue("ENTRA_ID") Idp idp,
      String displayName,
      String servicePrincipalId,
      String jobId,
      String ruleId,
      String probeObjectId,
      String probeUser,
      String tenantUrl) {

    SourceProfile toProfile(String scimBaseUrl, String entraTenantId) {
      EntraTarget entra = idp == Idp.ENTRA_ID
          ? new EntraTarget(servicePrincipalId, jobId, ruleId, probeObjectId, probeUser, entraTenantId) : null;
      String name = displayName == null ? idp.displayName() + " source " + sourceId : displayName;
      return new SourceProfile(accountId, sourceId, idp, name, scimBaseUrl, entra, tenantUrl);
    }
  }

  @Override
  public String toString() {
    return "WorkerProperties[cato=" + cato + ", entra=" + entra + ", sealKey=<hidden>, escalationDir=" + escalationDir
        + ", sources=" + sources + "]";
  }
}
