package io.scimplaybook.workflows;

import io.temporal.api.common.v1.Payloads;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.common.converter.DefaultDataConverter;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The {@code Workflow.getVersion} markers a history holds: which change ids its run saw, at which version. */
public final class VersionMarkers {
  /** The marker name the Java SDK records for {@code Workflow.getVersion}. */
  static final String VERSION_MARKER = "Version";

  private VersionMarkers() {}

  public static Map<String, Integer> of(WorkflowExecutionHistory history) {
    Map<String, Integer> markers = new TreeMap<>();
    for (HistoryEvent event : history.getEvents()) {
      if (!event.hasMarkerRecordedEventAttributes()
          || !VERSION_MARKER.equals(event.getMarkerRecordedEventAttributes().getMarkerName())) {
        continue;
      }
      Map<String, Payloads> details = event.getMarkerRecordedEventAttributes().getDetailsMap();
      markers.put(decode(details.get("changeId"), String.class), decode(details.get("version"), Integer.class));
    }
    return markers;
  }

  private static <T> T decode(Payloads payloads, Class<T> type) {
    return DefaultDataConverter.STANDARD_INSTANCE.fromPayloads(0, Optional.ofNullable(payloads), type, type);
  }
}
