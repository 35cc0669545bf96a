package io.scimplaybook.starter.webhook;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.stereotype.Component;

/**
 * The webhook's answers by HTTP status, as {@value #REQUESTS} (Prometheus: {@code scim_playbook_webhook_requests_total}).
 * Spring's {@code http.server.requests} would see the servlet too, but it is off (application.yml) for its CPU cost;
 * one counter increment per answer is what this costs. {@value #RESULT} tells a delivered event from one acknowledged
 * and ignored (a CMA template sending every event type) and from a refusal.
 */
@Component
public class WebhookMetrics {
  public static final String REQUESTS = "scim.playbook.webhook.requests";
  public static final String STATUS = "status";
  public static final String RESULT = "result";

  /** What became of the request: in a run, acknowledged but not a SCIM failure, or refused (4xx/5xx). */
  enum Result { DELIVERED, IGNORED, REFUSED }

  private final MeterRegistry registry;
  private final ConcurrentMap<Long, Counter> counters = new ConcurrentHashMap<>();

  public WebhookMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void answered(int status, Result result) {
    // Looked up once per (status, result): the registry's own lookup builds a meter id on every call.
    counters.computeIfAbsent(((long) status << 8) | result.ordinal(), key -> Counter.builder(REQUESTS)
        .description("Webhook requests answered, by HTTP status")
        .tag(STATUS, Integer.toString(status))
        .tag(RESULT, result.name().toLowerCase(Locale.ROOT))
        .register(registry)).increment();
  }
}
