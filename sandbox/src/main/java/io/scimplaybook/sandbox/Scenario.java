package io.scimplaybook.sandbox;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The scripted failure stories the sandbox can play. Every one starts the same way (an XOps story and a SCIM
 * Provisioning / Failed event a few minutes before start-up); they differ in what, if anything, makes provisioning
 * work again, which is what the playbook has to find out.
 */
public enum Scenario {
  /** The IdP holds a stale token; only a newly generated CMA token saved into the IdP fixes it. */
  TOKEN_MISMATCH("token-mismatch"),
  /** A Domain change in CMA minutes before the failure; reverting it fixes provisioning. */
  CONFIG_CHANGE("config-change"),
  /** A blip on the provider's side: provisioning on demand already works. */
  TRANSIENT("transient"),
  /** Nothing the playbook can do helps; the run must escalate. */
  PERSISTENT("persistent"),
  /**
   * A stale token like token-mismatch; after the new token provisioning on demand works, but every scheduled cycle
   * still fails (the endpoint refuses the full sync): the run must not call it resolved.
   */
  SCHEDULED_STILL_FAILS("scheduled-still-fails"),
  /**
   * A stale token like token-mismatch; after the new token provisioning on demand works and the scheduled cycles
   * succeed, but Cato reopens the story (status Reopened) during monitoring, with no new SCIM Provisioning / Failed
   * event: the run must not call it resolved while Cato itself says the problem is back.
   */
  REOPENED_STORY("reopened-story"),
  /**
   * A stale token like token-mismatch, fixed by the new token; a later failure ({@code POST /sandbox/cato/failure}
   * during monitoring) is a one-off 503 that leaves the token working, so a second cycle finds provisioning on demand
   * working again and the run's root cause must stay the first cycle's.
   */
  TWO_CYCLES("two-cycles");

  private final String wireName;

  Scenario(String wireName) {
    this.wireName = wireName;
  }

  /** The name used on the command line and in {@code /sandbox/state}. */
  public String wireName() {
    return wireName;
  }

  /** Accepts the wire name or the constant name, in any case. */
  public static Scenario fromName(String name) {
    String wanted = name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    for (Scenario s : values()) {
      if (s.wireName.equals(wanted)) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "unknown scenario '" + name + "'; expected one of "
            + Arrays.stream(values()).map(Scenario::wireName).collect(Collectors.joining(", ")));
  }

  @Override
  public String toString() {
    return wireName;
  }
}
