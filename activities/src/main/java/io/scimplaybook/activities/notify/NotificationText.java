package io.scimplaybook.activities.notify;

import io.scimplaybook.api.notify.Notification;
import io.scimplaybook.api.notify.NotificationKind;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The words every channel sends, plain text so that a chat message, a mail and a pager read the same: what happened,
 * whose connection, what to do, the exact commands and the link to the run in the Temporal UI.
 *
 * @param link {@code {uiBaseUrl}/namespaces/{namespace}/workflows/{workflowId}}; null when no UI address is configured
 */
public record NotificationText(String subject, String body, String link) {

  public static NotificationText of(Notification n, String uiBaseUrl, String namespace) {
    String link = deepLink(uiBaseUrl, namespace, n.workflowId());
    String subject = n.kind() == NotificationKind.ESCALATED
        ? "[scim-playbook] Escalated: account " + n.accountId() + ", source " + n.sourceId()
        : "[scim-playbook] A person is needed: " + n.title();
    StringBuilder b = new StringBuilder(subject).append("\n\n");
    if (n.kind() == NotificationKind.TASK_OPENED) {
      b.append("Task ").append(n.taskId()).append(" (").append(n.taskKind()).append(") of run ").append(n.workflowId());
    } else {
      b.append("Run ").append(n.workflowId()).append(" ended ESCALATED");
    }
    b.append("\nAccount ").append(n.accountId()).append(", source ").append(n.sourceId());
    if (n.sourceName() != null) {
      b.append(" (").append(n.sourceName()).append(')');
    }
    if (n.idp() != null) {
      b.append(", IdP ").append(n.idp());
    }
    b.append('\n');
    if (n.reason() != null) {
      b.append("\nWhy: ").append(n.reason()).append('\n');
    }
    if (n.whatToDo() != null) {
      b.append("\nWhat to do:\n").append(n.whatToDo()).append('\n');
    }
    if (n.commands() != null && !n.commands().isEmpty()) {
      b.append("\nCommand").append(n.commands().size() > 1 ? "s" : "").append(":\n");
      n.commands().forEach(c -> b.append("  ").append(c).append('\n'));
    }
    if (link != null) {
      b.append("\nThe run in the Temporal UI: ").append(link).append('\n');
    }
    return new NotificationText(subject, b.toString(), link);
  }

  /** Null when the worker has no UI address (a worker whose server has no UI, such as the demo's). */
  static String deepLink(String uiBaseUrl, String namespace, String workflowId) {
    if (uiBaseUrl == null || uiBaseUrl.isBlank()) {
      return null;
    }
    String base = uiBaseUrl.strip();
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    return base + "/namespaces/" + segment(namespace) + "/workflows/" + segment(workflowId);
  }

  private static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
