package io.scimplaybook.activities.notify;

import io.scimplaybook.activities.http.ActivityFailures;
import io.scimplaybook.activities.http.ApiCallException;
import io.scimplaybook.api.activities.NotificationActivities;
import io.scimplaybook.api.notify.Notification;
import io.scimplaybook.api.notify.NotificationResult;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one notification through every configured channel. Idempotent per run and task: each channel that accepts it
 * is recorded in the heartbeat details, which Temporal hands to the next attempt, so a retry after the mail server
 * was down does not post to the webhook a second time; and every channel passes the idempotency key on. A channel
 * that refuses for good (HTTP 400, a wrong password) does not hold back the others.
 */
public class NotificationActivitiesImpl implements NotificationActivities {
  public static final String OFF =
      "notifications are off: no channel is configured (scim-playbook.notify.webhook.url, scim-playbook.notify.smtp.host)";
  static final String API = "notifications";
  private static final Logger log = LoggerFactory.getLogger(NotificationActivitiesImpl.class);

  private final List<NotificationChannel> channels;
  private final String uiBaseUrl;

  /** @param uiBaseUrl the Temporal UI's address for the deep link; null or blank sends no link */
  public NotificationActivitiesImpl(List<NotificationChannel> channels, String uiBaseUrl) {
    this.channels = List.copyOf(channels);
    this.uiBaseUrl = uiBaseUrl;
  }

  /** The channels by name, for the worker's startup log. */
  public List<String> channelNames() {
    return channels.stream().map(NotificationChannel::name).toList();
  }

  @Override
  public NotificationResult deliverNotification(Notification notification) {
    if (channels.isEmpty()) {
      return NotificationResult.off(OFF);
    }
    ActivityExecutionContext context = Activity.getExecutionContext();
    DeliveryProgress progress = context.getHeartbeatDetails(DeliveryProgress.class).orElse(DeliveryProgress.NONE);
    NotificationText text = NotificationText.of(notification, uiBaseUrl, context.getInfo().getNamespace());
    List<String> retryable = new ArrayList<>();
    ApiCallException.Kind retryKind = null;
    ApiCallException.Kind refusalKind = null;
    Duration retryAfter = null;
    for (NotificationChannel channel : channels) {
      if (progress.settled(channel.name())) {
        continue;
      }
      try {
        channel.send(notification, text);
        progress = progress.withDelivered(channel.name());
        log.info("Notification {} delivered by {}", notification.idempotencyKey(), channel.name());
      } catch (ApiCallException e) {
        log.warn("Notification {} not delivered by {}: {}", notification.idempotencyKey(), channel.name(),
            e.getMessage());
        if (e.kind().retryable()) {
          retryable.add(channel.name() + " (" + e.getMessage() + ")");
          retryKind = retryKind == ApiCallException.Kind.RATE_LIMITED ? retryKind : e.kind();
          retryAfter = later(retryAfter, e.retryAfter());
          continue;
        }
        refusalKind = refusalKind == null ? e.kind() : refusalKind;
        progress = progress.withRefused(channel.name(), e.getMessage());
      }
      context.heartbeat(progress);
    }
    // Through ActivityFailures like every vendor failure: its type, whether it is retried, Retry-After honoured.
    if (!retryable.isEmpty()) {
      throw ActivityFailures.from(
          new ApiCallException(API, 0, retryKind, summary(progress, retryable), retryAfter, null));
    }
    if (progress.delivered().isEmpty()) {
      throw ActivityFailures.from(new ApiCallException(API, 0,
          refusalKind == null ? ApiCallException.Kind.INVALID_REQUEST : refusalKind, summary(progress, List.of())));
    }
    return new NotificationResult(progress.delivered(), progress.refused().isEmpty() ? null : refusals(progress));
  }

  /** Every channel's state in one sentence: what went out, what was refused and what will be tried again. */
  private static String summary(DeliveryProgress progress, List<String> retryable) {
    List<String> parts = new ArrayList<>();
    if (!progress.delivered().isEmpty()) {
      parts.add("delivered by " + String.join(", ", progress.delivered()));
    }
    if (!progress.refused().isEmpty()) {
      parts.add(refusals(progress));
    }
    if (!retryable.isEmpty()) {
      parts.add("not yet delivered by " + String.join(", ", retryable));
    }
    return String.join("; ", parts);
  }

  private static String refusals(DeliveryProgress progress) {
    return "refused by " + progress.refused().entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + ")")
        .collect(Collectors.joining(", "));
  }

  private static Duration later(Duration a, Duration b) {
    if (a == null) return b;
    if (b == null) return a;
    return a.compareTo(b) >= 0 ? a : b;
  }
}
