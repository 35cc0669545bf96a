package io.scimplaybook.activities.entra;

import io.scimplaybook.activities.http.JsonFields;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * The parts of a synchronization job's status that explain a failing connection.
 *
 * @param code NotConfigured, NotRun, Active, Paused or Quarantine
 * @param lastExecutionState e.g. Succeeded, Failed; null when the job never ran
 * @param quarantineReason why Entra quarantined the job (may be empty while the error says it all)
 * @param quarantineErrorCode e.g. a credentials error of the target app
 */
public record SynchronizationJobStatus(
    String code,
    String lastExecutionState,
    String lastExecutionErrorCode,
    String lastExecutionErrorMessage,
    String quarantineReason,
    String quarantineErrorCode,
    String quarantineErrorMessage,
    Integer quarantineSeriesCount,
    int countSuccessiveCompleteFailures,
    Instant lastExecutionBegan,
    Instant lastSuccessfulExecutionBegan) {

  public boolean quarantined() {
    return "Quarantine".equalsIgnoreCase(code) || quarantineReason != null || quarantineErrorCode != null;
  }

  /** e.g. "job Quarantine; quarantined (series 2): SalesforceInvalidCredentials: ...; 3 successive complete failures". */
  public String summary() {
    StringBuilder out = new StringBuilder("job ").append(code == null ? "status unknown" : code);
    if (quarantined()) {
      out.append("; quarantined");
      if (quarantineSeriesCount != null) {
        out.append(" (series ").append(quarantineSeriesCount).append(')');
      }
      appendError(out, quarantineReason, quarantineErrorCode, quarantineErrorMessage);
    }
    if (lastExecutionState != null || lastExecutionErrorCode != null) {
      out.append("; last execution ").append(lastExecutionState == null ? "unknown" : lastExecutionState);
      appendError(out, null, lastExecutionErrorCode, lastExecutionErrorMessage);
    }
    if (countSuccessiveCompleteFailures > 0) {
      out.append("; ").append(countSuccessiveCompleteFailures).append(" successive complete failures");
    }
    return out.toString();
  }

  private static void appendError(StringBuilder out, String reason, String code, String message) {
    String text = String.join(": ", java.util.stream.Stream.of(reason, code, message).filter(p -> p != null).toList());
    if (!text.isEmpty()) {
      out.append(": ").append(text);
    }
  }

  static SynchronizationJobStatus parse(JsonNode job) {
    JsonNode status = JsonFields.field(job, "status");
    JsonNode last = JsonFields.field(status, "lastExecution");
    JsonNode lastError = JsonFields.field(last, "error");
    JsonNode quarantine = JsonFields.field(status, "quarantine");
    JsonNode quarantineError = JsonFields.field(quarantine, "error");
    JsonNode series = JsonFields.field(quarantine, "seriesCount");
    JsonNode failures = JsonFields.field(status, "countSuccessiveCompleteFailures");
    if (failures.isMissingNode()) {
      failures = JsonFields.field(job, "countSuccessiveCompleteFailures");
    }
    return new SynchronizationJobStatus(
        JsonFields.text(status, "code"),
        JsonFields.text(last, "state"),
        JsonFields.text(lastError, "code"),
        JsonFields.text(lastError, "message"),
        JsonFields.text(quarantine, "reason"),
        JsonFields.text(quarantineError, "code"),
        JsonFields.text(quarantineError, "message"),
        series.canConvertToInt() ? series.asInt() : null,
        failures.canConvertToInt() ? failures.asInt() : 0,
        JsonFields.instant(last, "timeBegan"),
        JsonFields.instant(JsonFields.field(status, "lastSuccessfulExecution"), "timeBegan"));
  }
}
