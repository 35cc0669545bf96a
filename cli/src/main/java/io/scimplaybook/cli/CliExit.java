package io.scimplaybook.cli;

/** Ends a CLI command with an exit code and a message for stderr. */
public class CliExit extends RuntimeException {
  private final int code;

  public CliExit(int code, String message) {
    super(message);
    this.code = code;
  }

  public CliExit(int code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  public int code() {
    return code;
  }

  /** The operator got the command line (or a file it names) wrong: exit 2, and a line pointing at --help. */
  public static CliExit usage(String message) {
    return new CliExit(ExitCodes.USAGE, message);
  }
}
