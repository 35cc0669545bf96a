package io.scimplaybook.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The shape of the simulated fleet: {@code accounts} Cato accounts with {@code sourcesPerAccount} SCIM sources each,
 * {@code failing} of them failing, spread evenly over the accounts. Causes go by account, because Cato's data (stories,
 * events, the audit trail) is per account: the first {@code tokenMismatchAccounts} accounts' failing sources hold a
 * stale token, the next {@code configChangeAccounts} accounts' were broken by a Domain change, and every other failing
 * source fails with the shared provider-side incident.
 */
public record FleetPlan(
    int accounts, int sourcesPerAccount, int failing, int tokenMismatchAccounts, int configChangeAccounts) {

  /** Cato account ids of the fleet start here, so they never meet the demo's 12345. */
  public static final int FIRST_ACCOUNT_ID = 70001;

  public FleetPlan {
    if (accounts < 1 || sourcesPerAccount < 1) {
      throw new IllegalArgumentException("the fleet needs at least one account with one source, got " + accounts
          + " accounts x " + sourcesPerAccount + " sources");
    }
    if (failing < 1 || failing > accounts * sourcesPerAccount) {
      throw new IllegalArgumentException("failing sources must be 1.." + accounts * sourcesPerAccount + " ("
          + accounts + " accounts x " + sourcesPerAccount + " sources), got " + failing);
    }
    if (tokenMismatchAccounts < 0 || configChangeAccounts < 0
        || tokenMismatchAccounts + configChangeAccounts > Math.min(accounts, failing)) {
      throw new IllegalArgumentException("token-mismatch accounts (" + tokenMismatchAccounts + ") and config-change "
          + "accounts (" + configChangeAccounts + ") must be at least 0 and together at most the accounts that have a "
          + "failing source (" + Math.min(accounts, failing) + ")");
    }
  }

  /** How many of account {@code index}'s sources fail: the even share, the remainder to the first accounts. */
  public int failingIn(int index) {
    return failing / accounts + (index < failing % accounts ? 1 : 0);
  }

  public FleetFailure causeOf(int index) {
    if (index < tokenMismatchAccounts) {
      return FleetFailure.TOKEN_MISMATCH;
    }
    return index < tokenMismatchAccounts + configChangeAccounts ? FleetFailure.CONFIG_CHANGE
        : FleetFailure.PROVIDER_INCIDENT;
  }

  public static String accountId(int index) {
    return String.valueOf(FIRST_ACCOUNT_ID + index);
  }

  /** Every source, account by account; the failing ones first in each account. */
  public List<FleetSource> sources(String entraTenantId) {
    String tenantHex = entraTenantId.replace("-", "");
    List<FleetSource> all = new ArrayList<>(accounts * sourcesPerAccount);
    for (int a = 0; a < accounts; a++) {
      String account = accountId(a);
      for (int s = 1; s <= sourcesPerAccount; s++) {
        String source = String.valueOf(s);
        FleetFailure failure = s <= failingIn(a) ? causeOf(a) : FleetFailure.HEALTHY;
        String sp = uuid("service-principal " + account + "/" + source);
        all.add(new FleetSource(account, source, failure, sp, "scim." + tenantHex + "." + sp,
            uuid("probe " + account + "/" + source), "probe-" + account + "-" + source + "@example.com"));
      }
    }
    return all;
  }

  private static String uuid(String name) {
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
  }
}
