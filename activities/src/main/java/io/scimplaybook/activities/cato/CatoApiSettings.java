package io.scimplaybook.activities.cato;

import java.time.Duration;

/**
 * Where and how to reach Cato's GraphQL API. Built by the worker from its configuration; tests and the sandbox point
 * {@code graphqlUrl} at loopback.
 *
 * @param graphqlUrl the GraphQL endpoint; null or blank means Cato's public endpoint
 * @param apiKey the CMA API key sent as {@code x-api-key}
 * @param timeout the whole-call timeout of one request; null means {@link #DEFAULT_TIMEOUT}
 */
public record CatoApiSettings(String graphqlUrl, String apiKey, Duration timeout) {
  public static final String DEFAULT_GRAPHQL_URL = "https://api.catonetworks.com/api/v1/graphql2";
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  public CatoApiSettings {
    if (graphqlUrl == null || graphqlUrl.isBlank()) {
      graphqlUrl = DEFAULT_GRAPHQL_URL;
    }
    if (apiKey == null || apiKey.isBlank()) {
      throw new IllegalArgumentException("Cato API key is not configured");
    }
    if (timeout == null || timeout.isZero() || timeout.isNegative()) {
      timeout = DEFAULT_TIMEOUT;
    }
  }

  public static CatoApiSettings withDefaults(String apiKey) {
    return new CatoApiSettings(null, apiKey, null);
  }

  /** The generated toString would print the key; configuration dumps and logs must not. */
  @Override
  public String toString() {
    return "CatoApiSettings[graphqlUrl=" + graphqlUrl + ", apiKey=***, timeout=" + timeout + "]";
  }
}
