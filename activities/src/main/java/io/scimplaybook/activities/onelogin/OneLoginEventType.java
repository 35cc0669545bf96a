package io.scimplaybook.activities.onelogin;

/**
 * One entry of {@code GET /api/1/events/types}: {@code {"name": "APP_ADDED_TO_ROLE", "description": "App %app% added
 * to role %role%", "id": 1}} (OneLogin's sample response).
 */
public record OneLoginEventType(long id, String name, String description) {}
