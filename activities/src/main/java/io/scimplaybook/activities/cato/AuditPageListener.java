package io.scimplaybook.activities.cato;

import java.util.List;

/** Told about each audit-feed page as it arrives, so a long paging run can heartbeat and later resume. */
@FunctionalInterface
public interface AuditPageListener {
  AuditPageListener NONE = (page, nextMarker, records) -> {};

  void onPage(int page, String nextMarker, List<CatoAuditRecord> records);
}
