package io.scimplaybook.api.operator;

import io.scimplaybook.api.secrets.SealedToken;

/** An operator's go-ahead for token rotation, with the token generated in the CMA, sealed by the CLI. */
public record RotationApproval(String approver, SealedToken token, String note) {}
