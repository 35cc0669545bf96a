package io.scimplaybook.api.findings;

import java.util.List;

/** SCIM Provisioning / Failed events found in the verification window. */
public record EventFindings(List<FailureRecord> events) {}
