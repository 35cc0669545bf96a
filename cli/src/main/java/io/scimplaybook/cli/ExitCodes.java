package io.scimplaybook.cli;

/** The operator CLI's exit codes; scripts branch on them, so they never change meaning. */
public final class ExitCodes {
  public static final int OK = 0;
  public static final int FAILURE = 1;
  public static final int USAGE = 2;
  public static final int NOT_FINISHED = 3;
  public static final int NOT_FOUND = 4;
  public static final int UNREACHABLE = 5;
  /** list: the server has no visibility store (the embedded test server); status --account/--source still works. */
  public static final int NO_VISIBILITY = 6;
  /** watch: the run ended ESCALATED (RESOLVED is {@link #OK}). */
  public static final int ESCALATED = 7;
  /** watch: the run ended NOT_REPRODUCED (the failure was not confirmed). */
  public static final int NOT_REPRODUCED = 8;
  /** watch: the run ended without a report (failed, terminated, cancelled or timed out). */
  public static final int ENDED_WITHOUT_REPORT = 9;

  private ExitCodes() {}
}
