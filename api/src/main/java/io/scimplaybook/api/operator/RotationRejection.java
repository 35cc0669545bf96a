package io.scimplaybook.api.operator;

/**
 * An operator's refusal of token rotation: the run escalates.
 *
 * @param taskId the APPROVE_ROTATION task this answers; null only from older clients, and then it answers whichever
 *     rotation task is pending (see {@link RotationApproval#taskId()})
 */
public record RotationRejection(String taskId, String operator, String reason) {}
