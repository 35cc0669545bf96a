package io.scimplaybook.starter;

/** Every webhook error body: {@code {"error": "..."}}. */
public record ErrorResponse(String error) {}
