package io.scimplaybook.api;

/**
 * {@link CoalescingDelivery} holds as many events as it may: this one was not taken (nothing of it reached Temporal),
 * and the sender should try again shortly. The message names the limit, never the event's content.
 */
public final class DeliveryQueueFullException extends RuntimeException {

  public DeliveryQueueFullException(String message) {
    super(message);
  }
}
