package io.scimplaybook.api.input;

import io.scimplaybook.api.findings.ConfigChange;
import io.scimplaybook.api.findings.JobStatus;
import io.scimplaybook.api.status.OperatorTask;
import java.util.List;

/**
 * Everything a playbook run hands to the run it continues as (change id {@code continue-as-new-v1}), so that the new
 * run resumes at {@link #point} with the same counts, evidence, open task and deadlines. Only the fields of its point
 * are set beyond {@link #run}.
 *
 * @param continuedRuns how many times this playbook has continued as new, this time included
 * @param pendingTask the open operator task, kept with its id and deadline so an operator's command still names it
 * @param taskSequence the last task number used, so new tasks keep counting up
 * @param reminders reminders already noted for the open task
 * @param jobBeforeFix the IdP job as read before the cycle's fix, for the recovery evidence
 * @param jobRestarted how the run restarted a quarantined job, if it did
 * @param rotationAttempt APPROVE_ROTATION: the attempt whose approval is awaited
 * @param suspects REVIEW_SUSPECTS: the changes under review
 * @param monitoring MONITORING: the window in progress
 */
public record PlaybookCarryOver(
    ResumePoint point,
    int continuedRuns,
    RunSnapshot run,
    OperatorTask pendingTask,
    int taskSequence,
    int reminders,
    JobStatus jobBeforeFix,
    String jobRestarted,
    int rotationAttempt,
    List<ConfigChange> suspects,
    MonitoringWindow monitoring) {}
