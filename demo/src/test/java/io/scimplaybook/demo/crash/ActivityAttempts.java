package io.scimplaybook.demo.crash;

import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Each activity call of a finished run, read from its history: its type, the attempt that finished it and the
 * start-to-close it was scheduled with. The server records only the last attempt's start (the Java test server without
 * the failure before it), so against a sandbox that answered every call, an attempt above 1 is the trace of a worker
 * that died holding the call: the attempt ran out its start-to-close and the call was handed on.
 */
record ActivityAttempts(String type, int attempt, Duration startToClose) {

  static List<ActivityAttempts> of(List<HistoryEvent> history) {
    Map<Long, HistoryEvent> scheduled = new HashMap<>();
    List<ActivityAttempts> calls = new ArrayList<>();
    for (HistoryEvent event : history) {
      if (event.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED) {
        scheduled.put(event.getEventId(), event);
      } else if (event.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED) {
        var started = event.getActivityTaskStartedEventAttributes();
        var schedule = scheduled.get(started.getScheduledEventId()).getActivityTaskScheduledEventAttributes();
        calls.add(new ActivityAttempts(schedule.getActivityType().getName(), started.getAttempt(),
            Duration.ofSeconds(schedule.getStartToCloseTimeout().getSeconds(),
                schedule.getStartToCloseTimeout().getNanos())));
      }
    }
    return calls;
  }

  boolean takenOver() {
    return attempt > 1;
  }
}
