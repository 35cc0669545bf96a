package io.scimplaybook.sandbox;

/**
 * Called on the sandbox's request thread with each request before the sandbox answers it or changes its state. A hook
 * may block: the request then waits, which lets a test act (e.g. kill the caller) at an exact point of a call.
 */
@FunctionalInterface
public interface RequestHook {
  RequestHook NONE = request -> { };

  void received(SandboxRequest request) throws InterruptedException;
}
