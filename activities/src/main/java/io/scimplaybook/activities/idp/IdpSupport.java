package io.scimplaybook.activities.idp;

import io.scimplaybook.api.input.IdpCapability;
import java.util.List;

/**
 * What an IdP port can do for one source.
 *
 * @param manualBecause one readable line per capability left manual (e.g. "token save: Okta's connections API does not
 *     support token auth for app 0oa1"), never a secret
 */
public record IdpSupport(List<IdpCapability> automated, List<String> manualBecause) {
  public IdpSupport {
    automated = automated == null ? List.of() : List.copyOf(automated);
    manualBecause = manualBecause == null ? List.of() : List.copyOf(manualBecause);
  }

  public static IdpSupport none(String why) {
    return new IdpSupport(List.of(), List.of(why));
  }
}
