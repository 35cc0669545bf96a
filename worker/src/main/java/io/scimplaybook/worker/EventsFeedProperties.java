package io.scimplaybook.worker;

import io.scimplaybook.activities.feed.EventsFeedActivitiesImpl;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The worker's side of the events-feed poller (the poll interval and back-off travel in each poller's input, set by
 * whoever starts it).
 *
 * @param fullPage a fetch returning at least this many records means Cato holds more: the poller fetches again after
 *     its minimum spacing instead of its interval
 */
@ConfigurationProperties("scim-playbook.events-feed")
public record EventsFeedProperties(@DefaultValue("" + EventsFeedActivitiesImpl.DEFAULT_FULL_PAGE) int fullPage) {

  public EventsFeedProperties {
    if (fullPage < 1) {
      throw new IllegalArgumentException("scim-playbook.events-feed.full-page must be at least 1, got " + fullPage);
    }
  }
}
