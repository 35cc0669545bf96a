package io.scimplaybook.workflows.messages;

/** An operator's refusal of token rotation: the run escalates. */
public record RotationRejection(String operator, String reason) {}
