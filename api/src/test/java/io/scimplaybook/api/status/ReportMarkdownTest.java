package io.scimplaybook.api.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimplaybook.api.input.Idp;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportMarkdownTest {
  private static final String REASON = "invalid credentials: the SCIM endpoint rejected the saved SecretToken with HTTP"
      + " 401 Unauthorized. Generate a new token in CMA and save it in the enterprise app.";
  private static final Instant AT = Instant.parse("2026-06-01T08:30:00Z");

  private static PlaybookReport escalated() {
    SupportFacts facts = new SupportFacts("sp-1", "job-1", "story-1", List.of("ev-1"), "https://scim/v2/1/7",
        "POST /servicePrincipals/sp-1/synchronization/jobs/job-1/provisionOnDemand for probe@example.com",
        "failure: " + REASON, "Quarantine", "8f0c2d3e-tenant", List.of("log-1", "log-2"));
    List<StepRecord> steps = List.of(
        new StepRecord(1, Step.PROVISION_ON_DEMAND, StepResult.FAILED, AT, AT, "Provision probe on demand: failed",
            List.of("Status: failure", "Reason: " + REASON)),
        new StepRecord(2, Step.PROVISION_ON_DEMAND, StepResult.FAILED, AT, AT, "Provision probe again: failed",
            List.of("Status: failure", "Reason: " + REASON)));
    return new PlaybookReport("scim-playbook-1-7", "1", "7", Idp.ENTRA_ID, Outcome.ESCALATED, RootCause.UNKNOWN,
        "Still failing: " + REASON, 2, new FailureTally(2, AT, AT, REASON, "story-1"), steps,
        List.of(new TimelineEntry(AT, "Failure reported (webhook): " + REASON)), AT, AT, "/bundles/b.md",
        List.of(new CycleCause(1, AT, REASON, RootCause.TOKEN_MISMATCH, "rotated", AT)), facts);
  }

  @Test
  void theBundleNamesTheEntraTenantAndTheFailedProvisioningLogEntries() {
    String md = ReportMarkdown.render(escalated());

    assertThat(md).contains("| Entra tenant | 8f0c2d3e-tenant |")
        .contains("| Provisioning log ids | log-1, log-2 |");
  }

  @Test
  void aLongVendorMessageIsWrittenOnceAndLaterMentionsReferBack() {
    String md = ReportMarkdown.render(escalated());

    assertThat(md.split(java.util.regex.Pattern.quote(REASON), -1)).as(md).hasSize(2);
    assertThat(md.indexOf(REASON)).isLessThan(md.indexOf(ReportMarkdown.SEE_ABOVE));
    assertThat(md).contains("| Last failure reason | " + REASON + " |")
        .contains("Still failing: (see above)")
        .contains("the answer: failure: (see above)")
        .contains("- Reason: (see above)")
        .contains("Failure reported (webhook): (see above)");
  }

  @Test
  void shortMessagesAndOlderReportsWithoutTheNewFactsRenderAsBefore() {
    SupportFacts older = new SupportFacts("sp-1", "job-1", "story-1", List.of(), "u", null, null, null);
    PlaybookReport r = new PlaybookReport("w", "1", "7", Idp.ENTRA_ID, Outcome.RESOLVED, RootCause.TRANSIENT,
        "503 once", 1, new FailureTally(1, AT, AT, "503 once", "story-1"), List.of(), List.of(), AT, AT, null,
        List.of(), older);

    String md = ReportMarkdown.render(r);

    assertThat(md).contains("| Last failure reason | 503 once |").contains("503 once\n")
        .contains("| Entra tenant |  |").contains("| Provisioning log ids |  |").doesNotContain("see above");
  }
}
