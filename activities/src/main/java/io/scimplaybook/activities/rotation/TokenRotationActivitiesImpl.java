package io.scimplaybook.activities.rotation;

import io.scimplaybook.activities.http.ActivityFailures;
import io.scimplaybook.activities.idp.IdpPort;
import io.scimplaybook.activities.idp.IdpPorts;
import io.scimplaybook.activities.scim.CatoScimClient;
import io.scimplaybook.activities.scim.ScimTokenCheck;
import io.scimplaybook.api.activities.FailureTypes;
import io.scimplaybook.api.activities.TokenRotationActivities;
import io.scimplaybook.api.findings.TokenCheck;
import io.scimplaybook.api.input.SourceProfile;
import io.scimplaybook.api.secrets.SealedToken;
import io.scimplaybook.api.secrets.TokenSeal;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place a rotated token is opened. The plain token lives in a local variable for the length of one call: it is
 * not returned, logged, or put in a message, and every detail that leaves here comes from the vendor's redacted answer.
 * The IdP's test and save go to the source IdP's port ({@link IdpPort#testToken}, {@link IdpPort#saveToken}) with the
 * tenant URL decided here, the same for every IdP.
 */
public class TokenRotationActivitiesImpl implements TokenRotationActivities {
  private static final Logger log = LoggerFactory.getLogger(TokenRotationActivitiesImpl.class);

  private final TokenSeal seal;
  private final CatoScimClient scim;
  private final IdpPorts ports;

  /** @param ports the worker's IdP ports; an IdP without one fails its test and save as a configuration error */
  public TokenRotationActivitiesImpl(TokenSeal seal, CatoScimClient scim, List<IdpPort> ports) {
    this(seal, scim, new IdpPorts(ports));
  }

  public TokenRotationActivitiesImpl(TokenSeal seal, CatoScimClient scim, IdpPorts ports) {
    this.seal = Objects.requireNonNull(seal, "seal");
    this.scim = Objects.requireNonNull(scim, "scim");
    this.ports = Objects.requireNonNull(ports, "ports");
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
    // The port first: a source this worker cannot reach fails before the token is opened.
    IdpPort port = ports.port(source);
    String plain = open(token);
    return port.testToken(source, baseAddress(source), plain);
  }

  @Override
  public void saveTokenAtIdp(SourceProfile source, SealedToken token) {
    IdpPort port = ports.port(source);
    String plain = open(token);
    port.saveToken(source, baseAddress(source), plain);
  }

  /**
   * The tenant URL as an admin pastes it into the IdP next to the token: the source's configured tenant URL when it has
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
}
