package io.scimplaybook.activities.notify;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What earlier attempts of one notification achieved, carried from attempt to attempt in the activity's heartbeat
 * details: a retry sends only through the channels that have neither delivered nor refused it for good.
 *
 * @param delivered the channels that accepted the notification
 * @param refused the channels that refused it for a reason retrying cannot fix, with that reason
 */
public record DeliveryProgress(List<String> delivered, Map<String, String> refused) {
  public static final DeliveryProgress NONE = new DeliveryProgress(List.of(), Map.of());

  public DeliveryProgress {
    delivered = delivered == null ? List.of() : List.copyOf(delivered);
    // Insertion order, so a message that lists several refusals reads the same on every attempt.
    refused = refused == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(refused));
  }

  boolean settled(String channel) {
    return delivered.contains(channel) || refused.containsKey(channel);
  }

  DeliveryProgress withDelivered(String channel) {
    List<String> more = new ArrayList<>(delivered);
    more.add(channel);
    return new DeliveryProgress(more, refused);
  }

  DeliveryProgress withRefused(String channel, String reason) {
    Map<String, String> more = new LinkedHashMap<>(refused);
    more.put(channel, reason);
    return new DeliveryProgress(delivered, more);
  }
}
