package io.scimplaybook.api.findings;

/** Whether a rotated token was accepted; {@code detail} never contains the token. */
public record TokenCheck(boolean accepted, String detail) {}
