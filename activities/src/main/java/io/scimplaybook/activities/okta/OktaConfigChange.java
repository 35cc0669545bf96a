package io.scimplaybook.activities.okta;

import io.scimplaybook.activities.http.JsonFields;
import com.fasterxml.jackson.databind.JsonNode;
import io.scimplaybook.api.findings.ConfigChange;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;

/** A System Log configuration event of the Cato app as the audit review's {@link ConfigChange}. */
final class OktaConfigChange {
  static final String ORIGIN = "Okta System Log";
  private static final int MAX_VALUE = 200;
  private static final int MAX_DESCRIPTION = 1000;

  private OktaConfigChange() {}

  static ConfigChange of(LogEvent event, String appId) {
    LogTarget app = event.targets().stream().filter(t -> appId.equals(t.id())).findFirst()
        .orElse(event.targets().isEmpty() ? null : event.targets().get(0));
    return new ConfigChange(
        ORIGIN,
        event.published(),
        event.actor(),
        event.eventType(),
        app == null ? null : app.type(),
        app == null ? appId : app.readable(),
        describe(event, app));
  }

  /** "Update application (SUCCESS): vpnLocationOptions "DISABLED" -> "ZONE"; ..." from the target's changeDetails. */
  static String describe(LogEvent event, LogTarget app) {
    StringBuilder out = new StringBuilder(JsonFields.firstNonBlank(event.displayMessage(), event.eventType(), "change"));
    if (event.result() != null) {
      out.append(" (").append(event.result()).append(event.reason() == null ? "" : ": " + event.reason()).append(')');
    }
    JsonNode details = app == null ? null : app.changeDetails();
    if (details != null) {
      JsonNode from = JsonFields.field(details, "from");
      JsonNode to = JsonFields.field(details, "to");
      Set<String> keys = new LinkedHashSet<>();
      for (JsonNode side : new JsonNode[] {from, to}) {
        for (Iterator<String> it = side.fieldNames(); it.hasNext(); ) {
          keys.add(it.next());
        }
      }
      String separator = ": ";
      for (String key : keys) {
        out.append(separator).append(key).append(' ').append(value(from.get(key))).append(" -> ").append(value(to.get(key)));
        separator = "; ";
      }
    }
    String text = out.toString();
    return text.length() > MAX_DESCRIPTION ? text.substring(0, MAX_DESCRIPTION) + "..." : text;
  }

  private static String value(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return "(none)";
    }
    String text = node.isValueNode() ? "\"" + node.asText() + "\"" : node.toString();
    return text.length() > MAX_VALUE ? text.substring(0, MAX_VALUE) + "..." : text;
  }
}
