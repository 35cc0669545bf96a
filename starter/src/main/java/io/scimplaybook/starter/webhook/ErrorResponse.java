package io.scimplaybook.starter.webhook;

/** Every webhook error body: {@code {"error": "..."}}. */
public record ErrorResponse(String error) {}
