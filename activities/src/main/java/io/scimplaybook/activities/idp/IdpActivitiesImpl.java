package io.scimplaybook.activities.idp;

import io.scimplaybook.api.activities.IdpActivities;
import io.scimplaybook.api.findings.AuditQuery;
import io.scimplaybook.api.findings.ClaimCheck;
import io.scimplaybook.api.findings.ConfigChanges;
import io.scimplaybook.api.findings.JobStatus;
import io.scimplaybook.api.findings.ManualClaim;
import io.scimplaybook.api.findings.ProvisionResult;
import io.scimplaybook.api.findings.ProvisioningLog;
import io.scimplaybook.api.input.SourceProfile;
import java.time.Instant;
import java.util.List;

/**
 * The IdP activities for every IdP: each call goes to the port of the source's IdP. The workflow calls only what the
 * source's profile says is automated, so a call without a port is a source added without its IdP's credentials: a
 * configuration failure naming the setting, never retried.
 */
public class IdpActivitiesImpl implements IdpActivities {
  private final IdpPorts ports;

  public IdpActivitiesImpl(List<IdpPort> ports) {
    this(new IdpPorts(ports));
  }

  public IdpActivitiesImpl(IdpPorts ports) {
    this.ports = ports;
  }

  @Override
  public ProvisionResult provisionOnDemand(SourceProfile source) {
    return ports.port(source).provisionNow(source);
  }

  @Override
  public ConfigChanges findIdpChanges(SourceProfile source, AuditQuery query) {
    return ports.port(source).configChanges(source, query);
  }

  @Override
  public ProvisioningLog findProvisioningFailures(SourceProfile source, AuditQuery query) {
    return ports.port(source).provisioningFailures(source, query);
  }

  @Override
  public JobStatus jobStatus(SourceProfile source) {
    return ports.port(source).latestCycle(source);
  }

  @Override
  public void restartJob(SourceProfile source) {
    ports.port(source).restartJob(source);
  }

  /** Without a port the claim is taken as said and the evidence says why it was not checked: never a failure. */
  @Override
  public ClaimCheck checkClaim(SourceProfile source, ManualClaim claim, Instant since) {
    return ports.find(source.idp()).map(port -> port.checkClaim(source, claim, since))
        .orElseGet(() -> ClaimCheck.unverified(claim, IdpPorts.noPort(source)));
  }
}
