package io.scimplaybook.api;

import io.temporal.common.SearchAttributeKey;
import java.util.List;

/** The custom search attributes a run keeps up to date; every deployment must register them (all Keyword). */
public final class PlaybookSearchAttributes {
  public static final SearchAttributeKey<String> ACCOUNT_ID = SearchAttributeKey.forKeyword("ScimAccountId");
  public static final SearchAttributeKey<String> SOURCE_ID = SearchAttributeKey.forKeyword("ScimSourceId");
  public static final SearchAttributeKey<String> IDP = SearchAttributeKey.forKeyword("ScimIdp");
  public static final SearchAttributeKey<String> STEP = SearchAttributeKey.forKeyword("PlaybookStep");
  public static final SearchAttributeKey<String> OUTCOME = SearchAttributeKey.forKeyword("PlaybookOutcome");
  public static final SearchAttributeKey<String> ROOT_CAUSE = SearchAttributeKey.forKeyword("RootCause");

  public static final List<SearchAttributeKey<String>> ALL =
      List.of(ACCOUNT_ID, SOURCE_ID, IDP, STEP, OUTCOME, ROOT_CAUSE);

  private PlaybookSearchAttributes() {}
}
