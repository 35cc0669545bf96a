package io.scimplaybook.activities.notify;

import io.scimplaybook.activities.http.ApiCallException;
import io.scimplaybook.api.notify.Notification;

/** One way of reaching people (a webhook, e-mail). */
public interface NotificationChannel {

  /** Short and stable: it is recorded in heartbeats and results to tell which channels already delivered. */
  String name();

  /**
   * Delivers one notification, passing {@link Notification#idempotencyKey()} on so the receiver can drop repeats.
   *
   * @throws ApiCallException when the channel did not accept it; its kind says whether trying again can help, and its
   *     message never holds the channel's credentials or secret address
   */
  void send(Notification notification, NotificationText text);
}
