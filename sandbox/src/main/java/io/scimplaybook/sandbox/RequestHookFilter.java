package io.scimplaybook.sandbox;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * Hands each request to the current {@link RequestHook} before its handler runs. The body is read whole first and
 * handed on to the handler unchanged, so a request whose caller dies while the hook holds it is still answered and
 * applied, exactly as a vendor applies a request whose client went away.
 */
final class RequestHookFilter extends Filter {
  private final Supplier<RequestHook> hook;

  RequestHookFilter(Supplier<RequestHook> hook) {
    this.hook = hook;
  }

  @Override
  public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
    RequestHook current = hook.get();
    if (current != RequestHook.NONE) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      exchange.setStreams(new ByteArrayInputStream(body), null);
      try {
        current.received(new SandboxRequest(
            exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), new String(body, StandardCharsets.UTF_8)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("request hook interrupted");
      }
    }
    chain.doFilter(exchange);
  }

  @Override
  public String description() {
    return "hands each request to the test's hook";
  }
}
