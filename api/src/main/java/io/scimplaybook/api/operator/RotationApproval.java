package io.scimplaybook.api.operator;

import io.scimplaybook.api.secrets.SealedToken;

/**
 * An operator's go-ahead for token rotation, with the token generated in the CMA, sealed by the CLI.
 *
 * @param taskId the APPROVE_ROTATION task this answers, so that an approval sent for an earlier attempt is not taken
 *     as the answer to a later one. Null only from clients older than this field (histories recorded before it
 *     deserialize with null): the run then takes it as the answer to whichever rotation task is pending, as it always
 *     did. The CLI always sends the id.
 */
public record RotationApproval(String taskId, String approver, SealedToken token, String note) {}
