package io.scimplaybook.activities.onelogin;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The account's event types sorted into what the playbook reads, by {@link OneLoginEventRules}. Types no rule matches
 * are left out: an event of such a type is never evidence, so a type OneLogin adds later cannot be misread.
 */
public final class OneLoginEventCatalog {
  private final Map<Long, OneLoginEventType> types = new LinkedHashMap<>();
  private final Map<OneLoginEventKind, Set<Long>> ids = new EnumMap<>(OneLoginEventKind.class);

  private OneLoginEventCatalog() {
    for (OneLoginEventKind kind : OneLoginEventKind.values()) {
      ids.put(kind, new LinkedHashSet<>());
    }
  }

  public static OneLoginEventCatalog from(Collection<OneLoginEventType> all, OneLoginEventRules rules) {
    OneLoginEventCatalog catalog = new OneLoginEventCatalog();
    for (OneLoginEventType type : all) {
      if (type.name() == null) {
        continue;
      }
      String name = type.name().toUpperCase(Locale.ROOT);
      OneLoginEventKind kind = null;
      if (rules.provisioningFailure().matcher(name).matches()) {
        kind = OneLoginEventKind.PROVISIONING_FAILURE;
      } else if (rules.provisioningSuccess().matcher(name).matches()) {
        kind = OneLoginEventKind.PROVISIONING_SUCCESS;
      } else if (rules.configurationChange().matcher(name).matches()) {
        kind = OneLoginEventKind.CONFIGURATION_CHANGE;
      }
      if (kind != null) {
        catalog.types.put(type.id(), type);
        catalog.ids.get(kind).add(type.id());
      }
    }
    return catalog;
  }

  public Set<Long> ids(OneLoginEventKind kind) {
    return Set.copyOf(ids.get(kind));
  }

  /** The ids of several kinds, in a stable order (they go into one query). */
  public List<Long> ids(OneLoginEventKind... kinds) {
    List<Long> out = new ArrayList<>();
    for (OneLoginEventKind kind : kinds) {
      out.addAll(ids.get(kind));
    }
    return out;
  }

  /** The kind of an event, or null when its type is not one the playbook reads. */
  public OneLoginEventKind kindOf(OneLoginEvent event) {
    if (event.eventTypeId() == null) {
      return null;
    }
    for (Map.Entry<OneLoginEventKind, Set<Long>> entry : ids.entrySet()) {
      if (entry.getValue().contains(event.eventTypeId())) {
        return entry.getKey();
      }
    }
    return null;
  }

  /** The type's name, e.g. {@code USER_CREATION_FAILED_IN_APP}; "event type N" for a type not in the catalog. */
  public String name(Long typeId) {
    OneLoginEventType type = typeId == null ? null : types.get(typeId);
    return type == null || type.name() == null ? "event type " + typeId : type.name();
  }

  /** The type's description with the event's values in its placeholders ("App Cato added to role Sales"). */
  public String describe(OneLoginEvent event) {
    OneLoginEventType type = event.eventTypeId() == null ? null : types.get(event.eventTypeId());
    if (type == null || type.description() == null) {
      return name(event.eventTypeId());
    }
    return type.description()
        .replace("%actor_user%", orPlaceholder(event.actorUserName(), "someone"))
        .replace("%user%", orPlaceholder(event.userName(), event.userId() == null ? "a user" : "user " + event.userId()))
        .replace("%app%", orPlaceholder(event.appName(), event.appId() == null ? "an app" : "app " + event.appId()))
        .replace("%role%", orPlaceholder(event.roleName(), "a role"));
  }

  public boolean isEmpty(OneLoginEventKind kind) {
    return ids.get(kind).isEmpty();
  }

  private static String orPlaceholder(String value, String fallback) {
    return value == null ? fallback : value;
  }
}
