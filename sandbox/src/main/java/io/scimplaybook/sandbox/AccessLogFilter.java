package io.scimplaybook.sandbox;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs each request's method and path. Only those: the query string, headers and bodies can carry tokens and secrets
 * (Authorization, x-api-key, the token form, PUT secrets), and the path never does.
 */
final class AccessLogFilter extends Filter {
  private static final Logger LOG = LoggerFactory.getLogger(AccessLogFilter.class);

  @Override
  public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
    LOG.info("{} {}", exchange.getRequestMethod(), exchange.getRequestURI().getRawPath());
    try {
      chain.doFilter(exchange);
    } catch (RuntimeException e) {
      // Only the exception's class and where it was thrown: a message could quote request content.
      StackTraceElement at = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
      LOG.warn("{} {} failed: {} at {}", exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
          e.getClass().getName(), at);
      if (exchange.getResponseCode() == -1) {
        HttpExchanges.sendText(exchange, 500, "sandbox error: " + e.getClass().getSimpleName());
      }
    } finally {
      exchange.close();
    }
  }

  @Override
  public String description() {
    return "logs method and path";
  }
}
