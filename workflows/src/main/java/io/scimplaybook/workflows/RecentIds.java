package io.scimplaybook.workflows;

import java.util.LinkedHashSet;
import java.util.Iterator;
import java.util.List;

/** The last {@code capacity} ids seen, oldest forgotten first; insertion order makes it deterministic on replay. */
final class RecentIds {
  private final int capacity;
  private final LinkedHashSet<String> ids = new LinkedHashSet<>();

  RecentIds(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1");
    }
    this.capacity = capacity;
  }

  /** Remembers {@code id}; false when it was already remembered. */
  boolean add(String id) {
    if (!ids.add(id)) {
      return false;
    }
    if (ids.size() > capacity) {
      Iterator<String> oldest = ids.iterator();
      oldest.next();
      oldest.remove();
    }
    return true;
  }

  boolean contains(String id) {
    return ids.contains(id);
  }

  void clear() {
    ids.clear();
  }

  /** Oldest first, as {@link #add} would see them again after a continue-as-new. */
  List<String> ids() {
    return List.copyOf(ids);
  }

  int size() {
    return ids.size();
  }
}
