package io.scimplaybook.workflows;

import io.scimplaybook.api.status.TimelineEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The run's timeline, bounded so that a long run's query results and report stay small. */
final class TimelineLog {
  static final int LIMIT = 300;
  private final List<TimelineEntry> entries = new ArrayList<>();
  private int dropped;

  void add(Instant time, String text) {
    if (entries.size() == LIMIT) {
      // Keep the opening entries (what failed) and drop from the middle.
      entries.remove(20);
      dropped++;
    }
    entries.add(new TimelineEntry(time, text));
  }

  /** The entries kept, without the omission line, for a continue-as-new. */
  List<TimelineEntry> kept() {
    return List.copyOf(entries);
  }

  int dropped() {
    return dropped;
  }

  /** The timeline a previous run of this playbook handed over. */
  void restore(List<TimelineEntry> kept, int droppedBefore) {
    entries.clear();
    entries.addAll(kept);
    dropped = droppedBefore;
  }

  List<TimelineEntry> entries() {
    if (dropped == 0) {
      return List.copyOf(entries);
    }
    List<TimelineEntry> out = new ArrayList<>(entries.subList(0, 20));
    out.add(new TimelineEntry(entries.get(20).time(), "(" + dropped + " entries omitted)"));
    out.addAll(entries.subList(20, entries.size()));
    return out;
  }
}
