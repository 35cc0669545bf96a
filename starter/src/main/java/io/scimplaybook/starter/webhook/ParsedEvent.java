package io.scimplaybook.starter.webhook;

import io.scimplaybook.api.input.ScimFailureEvent;

/** What a valid webhook body holds: a SCIM failure to deliver, or another Cato event to acknowledge and drop. */
public sealed interface ParsedEvent {

  record Failure(ScimFailureEvent event) implements ParsedEvent {}

  /** @param reason why it is not a SCIM Provisioning / Failed event, for the sender */
  record Ignored(String reason) implements ParsedEvent {}
}
