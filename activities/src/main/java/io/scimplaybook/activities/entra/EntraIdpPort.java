package io.scimplaybook.activities.entra;

import io.scimplaybook.activities.http.JsonFields;
import io.scimplaybook.activities.http.ActivityFailures;
import io.scimplaybook.activities.http.ApiCallException;
import io.scimplaybook.activities.idp.IdpPort;
import io.scimplaybook.activities.idp.IdpSupport;
import io.scimplaybook.api.findings.AuditQuery;
import io.scimplaybook.api.findings.ClaimCheck;
import io.scimplaybook.api.findings.ConfigChange;
import io.scimplaybook.api.findings.ConfigChanges;
import io.scimplaybook.api.findings.JobStatus;
import io.scimplaybook.api.findings.ManualClaim;
import io.scimplaybook.api.findings.ProvisionResult;
import io.scimplaybook.api.findings.ProvisioningLog;
import io.scimplaybook.api.findings.ProvisioningLogEntry;
import io.scimplaybook.api.findings.TokenCheck;
import io.scimplaybook.api.input.EntraTarget;
import io.scimplaybook.api.input.Idp;
import io.scimplaybook.api.input.IdpCapability;
import io.scimplaybook.api.input.SourceProfile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The playbook's IdP steps for a source fed by Entra ID, through Microsoft Graph: every capability, because Graph has
 * an API for each. Registered only on a worker with Graph credentials (scim-playbook.entra.*).
 */
public class EntraIdpPort implements IdpPort {
  static final String ORIGIN = "Entra directory audit";
  private static final Logger log = LoggerFactory.getLogger(EntraIdpPort.class);
  /** Audit categories whose entries can change how the app provisions even when they name it only in passing. */
  private static final Set<String> APP_CATEGORIES = Set.of("applicationmanagement", "provisioningmanagement");
  private static final int MAX_VALUE = 200;

  private final EntraGraphClient graph;

  public EntraIdpPort(EntraGraphClient graph) {
    this.graph = Objects.requireNonNull(graph, "graph");
  }

  @Override
  public Idp idp() {
    return Idp.ENTRA_ID;
  }

  /**
   * Everything once the source names its service principal and job; provision-now also needs the rule and the probe
   * user's object id. Answers from configuration only: Graph is asked nothing until a step runs.
   */
  @Override
  public IdpSupport support(SourceProfile source) {
    EntraTarget target = source.entra();
    String name = source.accountId() + "/" + source.sourceId();
    if (target == null || blank(target.servicePrincipalId()) || blank(target.jobId())) {
      return IdpSupport.none("Entra ID: source " + name + " has no service-principal-id and job-id in its "
          + "scim-playbook.sources entry, so no Graph call can find the Cato app");
    }
    if (blank(target.ruleId()) || blank(target.probeObjectId())) {
      List<IdpCapability> rest = new ArrayList<>(List.of(IdpCapability.values()));
      rest.remove(IdpCapability.PROVISION_NOW);
      return new IdpSupport(rest, List.of("provision now: source " + name + " has no rule-id and probe-object-id in "
          + "its scim-playbook.sources entry"));
    }
    return new IdpSupport(List.of(IdpCapability.values()), List.of());
  }

  @Override
  public ProvisionResult provisionNow(SourceProfile source) {
    EntraTarget target = target(source);
    require(source, "ruleId", target.ruleId());
    require(source, "probeObjectId", target.probeObjectId());
    return ActivityFailures.call(() -> {
      ProvisionOnDemandResult result =
          graph.provisionOnDemand(
              target.servicePrincipalId(), target.jobId(), target.ruleId(), target.probeObjectId(), "User");
      if (result.succeeded()) {
        return new ProvisionResult(true, source.probeUser(), result.status(), "");
      }
      return new ProvisionResult(false, source.probeUser(), result.status(), result.summary() + jobContext(target));
    });
  }

  /** The job's quarantine and last run say whether the failure is the connection or this one user. */
  private String jobContext(EntraTarget target) {
    try {
      return "; " + graph.getJob(target.servicePrincipalId(), target.jobId()).summary();
    } catch (ApiCallException e) {
      // The provisioning answer is the evidence; a job read that fails must not turn it into an activity failure.
      log.warn("could not read synchronization job {}: {}", target.jobId(), e.getMessage());
      return "; job status unavailable (" + e.getMessage() + ")";
    }
  }

  @Override
  public TokenCheck testToken(SourceProfile source, String tenantUrl, String token) {
    EntraTarget target = target(source);
    return ActivityFailures.call(() -> {
      CredentialValidation validation =
          graph.validateCredentials(target.servicePrincipalId(), target.jobId(), tenantUrl, token);
      log.info("Entra test connection for {}/{}: valid={}", source.accountId(), source.sourceId(), validation.valid());
      return new TokenCheck(validation.valid(), validation.summary() + " for " + tenantUrl);
    });
  }

  @Override
  public void saveToken(SourceProfile source, String tenantUrl, String token) {
    EntraTarget target = target(source);
    ActivityFailures.run(() -> {
      graph.saveSecrets(target.servicePrincipalId(), tenantUrl, token);
      log.info("saved new SCIM credentials in Entra for {}/{}", source.accountId(), source.sourceId());
    });
  }

  @Override
  public JobStatus latestCycle(SourceProfile source) {
    EntraTarget target = target(source);
    return ActivityFailures.call(() -> {
      SynchronizationJobStatus job = graph.getJob(target.servicePrincipalId(), target.jobId());
      String error = job.lastExecutionErrorCode() == null ? null
          : shorten(job.lastExecutionErrorCode() + (job.lastExecutionErrorMessage() == null ? ""
              : ": " + job.lastExecutionErrorMessage()));
      return new JobStatus(job.code(), job.quarantined(),
          JsonFields.firstNonBlank(job.quarantineReason(), job.quarantineErrorCode()), job.quarantineSeriesCount(),
          job.lastExecutionState(), job.lastExecutionBegan(), error, job.lastSuccessfulExecutionBegan(),
          shorten(job.summary()));
    });
  }

  @Override
  public ClaimCheck checkClaim(SourceProfile source, ManualClaim claim, Instant since) {
    // Entra ID does every step through Graph, so no operator claim about it needs checking.
    return ClaimCheck.unverified(claim, "Entra ID steps are automated; there is no operator claim to check");
  }

  @Override
  public void restartJob(SourceProfile source) {
    EntraTarget target = target(source);
    ActivityFailures.run(() -> {
      graph.restartJob(target.servicePrincipalId(), target.jobId());
      log.info("restarted synchronization job {} of {}/{}", target.jobId(), source.accountId(), source.sourceId());
    });
  }

  /** Vendor messages can be paragraphs; the evidence keeps one short line of each. */
  private static String shorten(String text) {
    return text == null || text.length() <= 2 * MAX_VALUE ? text : text.substring(0, 2 * MAX_VALUE) + "...";
  }

  @Override
  public ConfigChanges configChanges(SourceProfile source, AuditQuery query) {
    EntraTarget target = target(source);
    return ActivityFailures.call(() -> {
      List<DirectoryAudit> audits = graph.directoryAudits(GraphFilters.activityWindow(query.from(), query.to()));
      List<ConfigChange> changes = new ArrayList<>();
      for (DirectoryAudit audit : audits) {
        if (inWindow(audit.activityDateTime(), query) && concerns(audit, target)) {
          changes.add(toChange(audit, target));
        }
      }
      return new ConfigChanges(changes);
    });
  }

  @Override
  public ProvisioningLog provisioningFailures(SourceProfile source, AuditQuery query) {
    EntraTarget target = target(source);
    return ActivityFailures.call(() -> {
      List<ProvisioningEvent> events = graph.provisioningLogs(GraphFilters.failedProvisioning(query.from(), query.to()));
      List<ProvisioningLogEntry> entries = new ArrayList<>();
      for (ProvisioningEvent event : events) {
        // Re-checked here because the log is tenant-wide and a filter Graph ignored must not let other apps in.
        boolean ours =
            event.servicePrincipalId() == null
                || event.servicePrincipalId().equalsIgnoreCase(target.servicePrincipalId());
        if (ours && event.failed() && inWindow(event.activityDateTime(), query)) {
          entries.add(
              new ProvisioningLogEntry(
                  event.activityDateTime(),
                  event.status(),
                  event.errorCode(),
                  event.reason(),
                  JsonFields.firstNonBlank(event.targetDisplayName(), event.sourceDisplayName()),
                  event.id()));
        }
      }
      return new ProvisioningLog(entries);
    });
  }

  /**
   * An audit entry is about the Cato app when it targets the service principal, or when it is an application or
   * provisioning management entry that names the service principal or the job anywhere in its targets.
   */
  static boolean concerns(DirectoryAudit audit, EntraTarget target) {
    String spId = target.servicePrincipalId();
    for (AuditTarget resource : audit.targetResources()) {
      if (spId.equalsIgnoreCase(resource.id())) {
        return true;
      }
    }
    if (audit.category() == null || !APP_CATEGORIES.contains(audit.category().toLowerCase(java.util.Locale.ROOT))) {
      return false;
    }
    for (AuditTarget resource : audit.targetResources()) {
      if (mentions(resource.displayName(), target)) {
        return true;
      }
      for (ModifiedProperty property : resource.modifiedProperties()) {
        if (mentions(property.oldValue(), target) || mentions(property.newValue(), target)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean mentions(String text, EntraTarget target) {
    if (text == null) {
      return false;
    }
    String lower = text.toLowerCase(java.util.Locale.ROOT);
    return lower.contains(target.servicePrincipalId().toLowerCase(java.util.Locale.ROOT))
        || (target.jobId() != null && lower.contains(target.jobId().toLowerCase(java.util.Locale.ROOT)));
  }

  private static ConfigChange toChange(DirectoryAudit audit, EntraTarget target) {
    AuditTarget object =
        audit.targetResources().stream()
            .filter(r -> target.servicePrincipalId().equalsIgnoreCase(r.id()))
            .findFirst()
            .orElse(audit.targetResources().isEmpty() ? null : audit.targetResources().get(0));
    return new ConfigChange(
        ORIGIN,
        audit.activityDateTime(),
        audit.initiatedBy(),
        JsonFields.firstNonBlank(audit.operationType(), audit.activityDisplayName()),
        object == null ? null : object.type(),
        object == null ? null : JsonFields.firstNonBlank(object.displayName(), object.id()),
        describe(audit));
  }

  /** "Update service principal (ApplicationManagement, success): AccountEnabled "true" -> "false"". */
  private static String describe(DirectoryAudit audit) {
    StringBuilder out = new StringBuilder(Objects.requireNonNullElse(audit.activityDisplayName(), "change"));
    String context =
        java.util.stream.Stream.of(audit.category(), audit.result()).filter(Objects::nonNull).collect(Collectors.joining(", "));
    if (!context.isEmpty()) {
      out.append(" (").append(context).append(')');
    }
    String properties =
        audit.targetResources().stream()
            .flatMap(r -> r.modifiedProperties().stream())
            .filter(p -> p.displayName() != null)
            .map(p -> p.displayName() + " " + quote(p.oldValue()) + " -> " + quote(p.newValue()))
            .collect(Collectors.joining("; "));
    if (!properties.isEmpty()) {
      out.append(": ").append(properties);
    }
    return out.toString();
  }

  private static String quote(String value) {
    if (value == null) {
      return "(none)";
    }
    String shortened = value.length() > MAX_VALUE ? value.substring(0, MAX_VALUE) + "..." : value;
    return "\"" + shortened + "\"";
  }

  /** Graph applies the filter; checking again keeps a log that ignored it from widening the suspects. */
  private static boolean inWindow(Instant time, AuditQuery query) {
    // An entry we cannot place in time is kept: losing evidence is worse than one extra suspect.
    return GraphFilters.inWindow(time, query.from(), query.to());
  }

  private static EntraTarget target(SourceProfile source) {
    if (source == null || source.entra() == null) {
      String name = source == null ? "(none)" : source.accountId() + "/" + source.sourceId();
      throw ActivityFailures.configuration(
          "source " + name + " has no Entra ID target configured (service principal and synchronization job)");
    }
    EntraTarget target = source.entra();
    require(source, "servicePrincipalId", target.servicePrincipalId());
    require(source, "jobId", target.jobId());
    return target;
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  private static void require(SourceProfile source, String name, String value) {
    if (blank(value)) {
      throw ActivityFailures.configuration(
          "source " + source.accountId() + "/" + source.sourceId() + " has no Entra " + name + " configured");
    }
  }
}
