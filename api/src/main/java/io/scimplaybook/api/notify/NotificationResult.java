package io.scimplaybook.api.notify;

import java.util.List;

/**
 * What the notification activity did.
 *
 * @param delivered the channels that accepted the notification (this attempt or an earlier one), by name
 * @param note why nothing was sent, e.g. no channel configured (notifications are off); null when something was
 */
public record NotificationResult(List<String> delivered, String note) {

  public static NotificationResult off(String why) {
    return new NotificationResult(List.of(), why);
  }
}
