package io.scimplaybook.api.operator;

/** An operator's refusal of token rotation: the run escalates. */
public record RotationRejection(String operator, String reason) {}
