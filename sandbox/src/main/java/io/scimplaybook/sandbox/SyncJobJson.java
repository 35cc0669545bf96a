package io.scimplaybook.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A synchronizationJob as {@code GET .../synchronization/jobs/{jobId}} returns it. While Cato rejects the credentials
 * the job is in {@code Quarantine} (Entra quarantines a job whose credentials fail); while the endpoint fails
 * otherwise it stays {@code Active} with the failed {@code lastExecution.error}; once provisioning works it is {@code
 * Active} with a successful last execution.
 */
final class SyncJobJson {
  static final Duration INTERVAL = Duration.ofMinutes(40);

  private SyncJobJson() {}

  static ObjectNode job(SandboxConfig config, Optional<SyncFailure> current, boolean quarantined,
      List<ProvisioningAttempt> all, Instant now) {
    // The job's status describes its scheduled cycles; provisioning on demand does not change it.
    List<ProvisioningAttempt> attempts = all.stream().filter(a -> !a.onDemand()).toList();
    ProvisioningAttempt latest = attempts.isEmpty() ? null : attempts.get(attempts.size() - 1);
    Optional<SyncFailure> failure = quarantined
        ? Optional.of(latest != null && latest.failure() != null ? latest.failure() : SyncFailure.INVALID_CREDENTIALS)
        : Optional.ofNullable(latest == null ? current.orElse(null) : latest.failure());
    ObjectNode job = Json.object();
    job.put("id", config.jobId());
    job.put("templateId", "scim");
    ObjectNode schedule = job.putObject("schedule");
    schedule.putNull("expiration");
    schedule.put("interval", INTERVAL.toString());
    schedule.put("state", "Active");

    Instant lastSuccess = attempts.stream().filter(ProvisioningAttempt::succeeded).map(ProvisioningAttempt::time)
        .max(Instant::compareTo).orElse(null);
    ObjectNode status = job.putObject("status");
    long successiveFailures = 0;
    for (int i = attempts.size() - 1; i >= 0 && !attempts.get(i).succeeded(); i--) {
      successiveFailures++;
    }
    status.put("code", quarantined ? "Quarantine" : "Active");
    status.put("countSuccessiveCompleteFailures", failure.isPresent() ? successiveFailures : 0);
    status.put("escrowsPruned", false);
    status.putArray("synchronizedEntryCountByType").addObject().put("key", "User").put("value", 1);
    status.putArray("progress");
    Instant lastRun = attempts.isEmpty() ? now : attempts.get(attempts.size() - 1).time();
    status.set("lastExecution", execution(failure.isPresent() ? lastRun : Optional.ofNullable(lastSuccess).orElse(now),
        failure.orElse(null)));
    status.set("lastSuccessfulExecution", lastSuccess == null ? null : execution(lastSuccess, null));
    status.set("lastSuccessfulExecutionWithExports", lastSuccess == null ? null : execution(lastSuccess, null));
    status.put("steadyStateFirstAchievedTime", "0001-01-01T00:00:00Z");
    status.put("steadyStateLastAchievedTime", "0001-01-01T00:00:00Z");
    if (quarantined) {
      Instant began = firstFailureOfSeries(attempts).orElse(lastRun);
      ObjectNode quarantine = status.putObject("quarantine");
      quarantine.put("currentBegan", Json.time(began));
      quarantine.put("nextAttempt", Json.time(lastRun.plus(INTERVAL)));
      quarantine.put("reason", "EncounteredQuarantineException");
      quarantine.put("seriesBegan", Json.time(began));
      quarantine.put("seriesCount", successiveFailures);
      ObjectNode error = quarantine.putObject("error");
      error.put("code", failure.get().entraErrorCode());
      error.put("message", failure.get().entraReason());
      error.put("tenantActionable", true);
    } else {
      status.putNull("quarantine");
    }
    status.putNull("troubleshootingUrl");
    job.putArray("synchronizationJobSettings").addObject()
        .put("name", "QuarantineTooManyDeletesThreshold").put("value", "500");
    return job;
  }

  private static ObjectNode execution(Instant at, SyncFailure failure) {
    ObjectNode e = Json.object();
    e.put("activityIdentifier", "sandbox-" + at.getEpochSecond());
    e.put("countEntitled", 1);
    e.put("countEntitledForProvisioning", 1);
    e.put("countEscrowed", failure == null ? 0 : 1);
    e.put("countEscrowedRaw", failure == null ? 0 : 1);
    e.put("countExported", failure == null ? 1 : 0);
    e.put("countExports", 1);
    e.put("countImported", 1);
    e.put("countImportedDeltas", 1);
    e.put("countImportedReferenceDeltas", 0);
    e.put("state", failure == null ? "Succeeded" : "Failed");
    if (failure == null) {
      e.putNull("error");
    } else {
      ObjectNode error = e.putObject("error");
      error.put("code", failure.entraErrorCode());
      error.put("message", failure.entraReason());
      error.put("tenantActionable", true);
    }
    e.put("timeBegan", Json.time(at));
    e.put("timeEnded", Json.time(at.plusSeconds(2)));
    return e;
  }

  private static Optional<Instant> firstFailureOfSeries(List<ProvisioningAttempt> attempts) {
    Instant first = null;
    for (int i = attempts.size() - 1; i >= 0 && !attempts.get(i).succeeded(); i--) {
      first = attempts.get(i).time();
    }
    return Optional.ofNullable(first);
  }
}
