package io.scimplaybook.sandbox;

import java.time.Instant;

/** One SCIM Provisioning / Failed event in Cato's event store. */
record FailureEvent(String eventId, Instant time, SyncFailure failure, String storyId) {}
