package io.scimplaybook.activities.source;

import io.scimplaybook.api.activities.RoutingActivities;
import io.scimplaybook.api.input.PlaybookOptions;
import io.scimplaybook.api.input.ScimFailureEvent;
import java.util.List;

/** The event router's activity: the same attribution and delivery as the events-feed poller's. */
public class RoutingActivitiesImpl implements RoutingActivities {
  private final AttributedDelivery delivery;

  public RoutingActivitiesImpl(AttributedDelivery delivery) {
    this.delivery = delivery;
  }

  @Override
  public List<String> route(String accountId, List<ScimFailureEvent> events, PlaybookOptions playbook) {
    return delivery.deliver(events, playbook);
  }
}
