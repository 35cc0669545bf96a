package io.scimplaybook.api.operator;

/** What a person is asked to do. */
public enum TaskKind {
  REVIEW_SUSPECTS,
  APPROVE_ROTATION,
  PROVISION_MANUALLY,
  INSTALL_TOKEN_MANUALLY
}
