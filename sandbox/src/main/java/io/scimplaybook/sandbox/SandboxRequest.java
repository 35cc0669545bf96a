package io.scimplaybook.sandbox;

/**
 * A request as the sandbox received it, for an in-process {@link RequestHook}. The body is the raw body and may hold a
 * secret (PUT .../synchronization/secrets carries the token): hooks keep it in memory and never log it.
 */
public record SandboxRequest(String method, String path, String body) {

  /** Keeps the body, which may hold a token, out of logs and assertion messages. */
  @Override
  public String toString() {
    return method + " " + path;
  }
}
