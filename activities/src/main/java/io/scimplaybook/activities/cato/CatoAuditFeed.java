package io.scimplaybook.activities.cato;

import java.util.List;

/**
 * Every audit record one paging run collected.
 *
 * @param marker the last marker Cato returned; passing it back continues after these records
 * @param complete false when paging stopped while Cato still said {@code hasMore} (page bound reached, or a marker
 *     that did not advance)
 */
public record CatoAuditFeed(List<CatoAuditRecord> records, String marker, int pages, boolean complete) {}
