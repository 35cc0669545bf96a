package io.scimplaybook.bench;

import io.scimplaybook.sandbox.FleetLimits;
import io.scimplaybook.sandbox.FleetPlan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The earliest time every run can have its diagnosis, given only the vendors' limits and when the events arrive.
 *
 * <p>Before its diagnosis a run of the provider incident (and of a token mismatch or config change: provisioning on
 * demand fails for all of them) makes, per the playbook: {@code xdr.stories} and {@code events} (verify), one
 * {@code provisionOnDemand} (step 2), {@code auditFeed} (step 3), and a story comment ({@code xdr.addStoryComment}).
 * A limit of L calls per window W, met by c calls all wanted at once, lets the c-th through no earlier than
 * {@code (ceil(c / L) - 1) * W} after the first. So, with k_a failing sources in account a and K in all (one Entra
 * tenant, as one worker is configured):
 *
 * <pre>
 *   bound = max( last event's arrival,
 *                max over accounts a of (ceil(k_a / 5) - 1) * 60 s          Cato auditFeed, 5/min per account
 *                max over accounts a of (ceil(k_a / 120) - 1) * 60 s        Cato default (stories, events, comment)
 *                (ceil(K / 5) - 1) * 10 s )                                  Graph provisionOnDemand, 5/10 s per tenant
 * </pre>
 *
 * Graph's audit-log reads have no documented limit and are not counted; call latency is taken as zero.
 */
record LowerBound(Duration bound, Duration lastArrival, List<Term> terms) {

  record Term(String limit, long calls, int perWindow, Duration window, Duration bound) {}

  static LowerBound of(FleetPlan plan, FleetLimits limits, Duration spread) {
    List<Term> terms = new ArrayList<>();
    int maxPerAccount = 0;
    for (int a = 0; a < plan.accounts(); a++) {
      maxPerAccount = Math.max(maxPerAccount, plan.failingIn(a));
    }
    terms.add(term("Cato auditFeed, per account (busiest account)", maxPerAccount, limits.catoAuditFeedPerMinute(),
        Duration.ofMinutes(1)));
    terms.add(term("Cato default per query, per account (busiest account)", maxPerAccount,
        limits.catoDefaultPerMinute(), Duration.ofMinutes(1)));
    terms.add(term("Graph provisionOnDemand, per tenant (one tenant)", plan.failing(),
        limits.graphProvisionOnDemand(), limits.graphProvisionOnDemandWindow()));
    Duration last = plan.failing() <= 1 ? Duration.ZERO
        : spread.multipliedBy(plan.failing() - 1).dividedBy(plan.failing());
    Duration bound = last;
    for (Term t : terms) {
      if (t.bound().compareTo(bound) > 0) {
        bound = t.bound();
      }
    }
    return new LowerBound(bound, last, terms);
  }

  private static Term term(String limit, long calls, int perWindow, Duration window) {
    long rounds = calls == 0 ? 0 : (calls + perWindow - 1) / perWindow - 1;
    return new Term(limit, calls, perWindow, window, window.multipliedBy(rounds));
  }
}
