package io.scimplaybook.activities.onelogin;

/** What an event type means to the playbook. */
public enum OneLoginEventKind {
  PROVISIONING_FAILURE,
  PROVISIONING_SUCCESS,
  CONFIGURATION_CHANGE
}
