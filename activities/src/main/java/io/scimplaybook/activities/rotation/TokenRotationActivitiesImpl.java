package io.scimplaybook.activities.rotation;

import io.scimplaybook.activities.entra.CredentialValidation;
import io.scimplaybook.activities.entra.EntraGraphClient;
import io.scimplaybook.activities.http.ActivityFailures;
import io.scimplaybook.activities.http.ApiCallException;
import io.scimplaybook.activities.scim.CatoScimClient;
import io.scimplaybook.activities.scim.ScimTokenCheck;
import io.scimplaybook.api.activities.FailureTypes;
import io.scimplaybook.api.activities.TokenRotationActivities;
import io.scimplaybook.api.findings.TokenCheck;
import io.scimplaybook.api.input.EntraTarget;
import io.scimplaybook.api.input.Idp;
import io.scimplaybook.api.input.SourceProfile;
import io.scimplaybook.api.secrets.SealedToken;
import io.scimplaybook.api.secrets.TokenSeal;
import io.temporal.failure.ApplicationFailure;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place a rotated token is opened. The plain token lives in a local variable for the length of one call: it is
 * not returned, logged, or put in a message, and every detail that leaves here comes from the vendor's redacted answer.
 */
public class TokenRotationActivitiesImpl implements TokenRotationActivities {
  private static final Logger log = LoggerFactory.getLogger(TokenRotationActivitiesImpl.class);

  private final TokenSeal seal;
  private final CatoScimClient scim;
  private final EntraGraphClient entra;

  /** @param entra null when the worker has no Entra credentials; Entra steps then fail as configuration errors */
  public TokenRotationActivitiesImpl(TokenSeal seal, CatoScimClient scim, EntraGraphClient entra) {
    this.seal = Objects.requireNonNull(seal, "seal");
    this.scim = Objects.requireNonNull(scim, "scim");
    this.entra = entra;
  }

  @Override
  public TokenCheck checkTokenAtCato(SourceProfile source, SealedToken token) {
    String plain = open(token);
    return ActivityFailures.call(() -> {
      ScimTokenCheck check = scim.tokenAccepted(source.scimBaseUrl(), source.accountId(), source.sourceId(), plain);
      log.info("Cato SCIM check for {}/{}: accepted={}", source.accountId(), source.sourceId(), check.accepted());
      return new TokenCheck(check.accepted(), check.summary());
    });
  }

  @Override
  public TokenCheck testTokenAtIdp(SourceProfile source, SealedToken token) {
    EntraTarget target = entraTarget(source, "test connection");
    String plain = open(token);
    String baseAddress = baseAddress(source);
    return ActivityFailures.call(() -> {
      CredentialValidation validation =
          entra.validateCredentials(target.servicePrincipalId(), target.jobId(), baseAddress, plain);
      log.info("Entra test connection for {}/{}: valid={}", source.accountId(), source.sourceId(), validation.valid());
      return new TokenCheck(validation.valid(), validation.summary() + " for " + baseAddress);
    });
  }

  @Override
  public void saveTokenAtIdp(SourceProfile source, SealedToken token) {
    EntraTarget target = entraTarget(source, "saving credentials");
    String plain = open(token);
    ActivityFailures.run(() -> {
      entra.saveSecrets(target.servicePrincipalId(), baseAddress(source), plain);
      log.info("saved new SCIM credentials in Entra for {}/{}", source.accountId(), source.sourceId());
    });
  }

  /**
   * The tenant URL as an admin pastes it into Entra next to the token: the source's configured tenant URL when it has
   * one (an admin's existing URL is kept, not overwritten), else the one Cato documents for the account and source.
   */
  static String baseAddress(SourceProfile source) {
    if (source.tenantUrl() != null && !source.tenantUrl().isBlank()) {
      return source.tenantUrl().trim();
    }
    return ActivityFailures.call(() -> CatoScimClient.tenantUrl(source.scimBaseUrl(), source.accountId(), source.sourceId()));
  }

  private String open(SealedToken token) {
    try {
      return seal.open(token);
    } catch (IllegalArgumentException e) {
      // TokenSeal's messages name the problem (wrong key, tampered) and never echo the input; another try cannot help.
      throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), FailureTypes.INVALID_REQUEST);
    }
  }

  private EntraTarget entraTarget(SourceProfile source, String step) {
    if (source.idp() != Idp.ENTRA_ID || source.entra() == null) {
      String idp = source.idp() == null ? "unknown IdP" : source.idp().displayName();
      throw ActivityFailures.configuration(
          step + " has no API for " + idp + " on source " + source.accountId() + "/" + source.sourceId()
              + ": an operator does it in the IdP's console");
    }
    if (entra == null) {
      throw ActivityFailures.configuration("no Entra ID credentials are configured on this worker (" + step + ")");
    }
    EntraTarget target = source.entra();
    if (target.servicePrincipalId() == null || target.servicePrincipalId().isBlank()
        || target.jobId() == null || target.jobId().isBlank()) {
      throw ActivityFailures.configuration(
          "source " + source.accountId() + "/" + source.sourceId() + " lacks the Entra service principal or job id");
    }
    return target;
  }
}
