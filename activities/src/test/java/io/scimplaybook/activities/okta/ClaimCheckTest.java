package io.scimplaybook.activities.okta;

import static io.scimplaybook.activities.okta.OktaPayloads.APP_ID;
import static io.scimplaybook.activities.okta.OktaPayloads.OTHER_APP_ID;
import static io.scimplaybook.activities.okta.OktaPayloads.authFailure;
import static io.scimplaybook.activities.okta.OktaPayloads.catoApp;
import static io.scimplaybook.activities.okta.OktaPayloads.event;
import static io.scimplaybook.activities.okta.OktaPayloads.jsonResponse;
import static io.scimplaybook.activities.okta.OktaPayloads.page;
import static io.scimplaybook.activities.okta.OktaPayloads.probeUser;
import static io.scimplaybook.activities.okta.OktaPayloads.push;
import static io.scimplaybook.activities.okta.OktaPayloads.target;
import static io.scimplaybook.api.findings.ClaimVerdict.CONTRADICTED;
import static io.scimplaybook.api.findings.ClaimVerdict.HELD;
import static io.scimplaybook.api.findings.ClaimVerdict.UNVERIFIED;
import static io.scimplaybook.api.findings.ManualClaim.PROVISIONED;
import static io.scimplaybook.api.findings.ManualClaim.SCHEDULED_SYNC_SUCCEEDED;
import static io.scimplaybook.api.findings.ManualClaim.TOKEN_INSTALLED;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimplaybook.api.findings.ClaimCheck;
import io.scimplaybook.api.findings.ClaimVerdict;
import io.scimplaybook.api.findings.ManualClaim;
import java.time.Instant;
import java.util.stream.Stream;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** An operator's claim against the app's provisioning outcomes since it: the newest one that bears on it decides. */
class ClaimCheckTest extends OktaServerTest {
  static final Instant SINCE = Instant.parse("2025-05-01T09:00:00Z");

  static JsonNode otherUserPush(String published, String result) {
    return event("application.provision.user.push_profile", published, result, result.equals("FAILURE") ? "409 Conflict" : null,
        catoApp(), target("00u2someone", "AppUser", "someone@example.com", "Someone"));
  }

  static Stream<Arguments> claims() {
    return Stream.of(
        Arguments.of("probe pushed", PROVISIONED, page(push("2025-05-01T09:10:00.000Z", "SUCCESS", null)), HELD),
        Arguments.of("probe push failed", PROVISIONED,
            page(push("2025-05-01T09:10:00.000Z", "FAILURE", "409 Conflict")), CONTRADICTED),
        Arguments.of("auth failure after the claim", PROVISIONED, page(authFailure("2025-05-01T09:10:00.000Z")), CONTRADICTED),
        Arguments.of("only another user pushed", PROVISIONED,
            page(otherUserPush("2025-05-01T09:10:00.000Z", "SUCCESS")), UNVERIFIED),
        Arguments.of("nothing logged", PROVISIONED, "[]", UNVERIFIED),
        Arguments.of("any push got through", TOKEN_INSTALLED,
            page(otherUserPush("2025-05-01T09:10:00.000Z", "SUCCESS")), HELD),
        Arguments.of("auth failure after the claim", TOKEN_INSTALLED, page(authFailure("2025-05-01T09:10:00.000Z")), CONTRADICTED),
        Arguments.of("push refused for its credential", TOKEN_INSTALLED,
            page(push("2025-05-01T09:10:00.000Z", "FAILURE", "Authentication failed: 401 Unauthorized")), CONTRADICTED),
        Arguments.of("a conflict says nothing of the token", TOKEN_INSTALLED,
            page(otherUserPush("2025-05-01T09:10:00.000Z", "FAILURE")), UNVERIFIED),
        Arguments.of("fixed after an auth failure", TOKEN_INSTALLED,
            page(authFailure("2025-05-01T09:10:00.000Z"), push("2025-05-01T09:20:00.000Z", "SUCCESS", null)), HELD),
        Arguments.of("broken again after a push", TOKEN_INSTALLED,
            page(push("2025-05-01T09:10:00.000Z", "SUCCESS", null), authFailure("2025-05-01T09:20:00.000Z")), CONTRADICTED),
        Arguments.of("a push after the claim", SCHEDULED_SYNC_SUCCEEDED,
            page(otherUserPush("2025-05-01T09:10:00.000Z", "SUCCESS")), HELD),
        Arguments.of("newest push failed", SCHEDULED_SYNC_SUCCEEDED, page(otherUserPush("2025-05-01T09:10:00.000Z", "SUCCESS"),
            otherUserPush("2025-05-01T09:20:00.000Z", "FAILURE")), CONTRADICTED),
        Arguments.of("rate limited", SCHEDULED_SYNC_SUCCEEDED, page(event("application.integration.rate_limit_exceeded",
            "2025-05-01T09:10:00.000Z", "FAILURE", null, catoApp())), CONTRADICTED),
        Arguments.of("another app's failure", SCHEDULED_SYNC_SUCCEEDED, page(event("application.provision.user.push",
            "2025-05-01T09:10:00.000Z", "FAILURE", "x", target(OTHER_APP_ID, "AppInstance", "o", "o"), probeUser())), UNVERIFIED),
        Arguments.of("an outcome from before the claim", SCHEDULED_SYNC_SUCCEEDED,
            page(otherUserPush("2025-05-01T08:59:00.000Z", "SUCCESS")), UNVERIFIED));
  }

  @ParameterizedTest(name = "{1}: {0} -> {3}")
  @MethodSource("claims")
  void theNewestOutcomeThatBearsOnTheClaimDecides(String name, ManualClaim claim, String log, ClaimVerdict verdict) {
    server.enqueue(jsonResponse(200, log));

    ClaimCheck check = new OktaPortFixture(server, clock, 1).port.checkClaim(OktaPortFixture.source(server), claim, SINCE);

    assertThat(check.claim()).isEqualTo(claim);
    assertThat(check.verdict()).isEqualTo(verdict);
    assertThat(check.evidence()).isNotEmpty();
  }

  @Test
  void theEvidenceNamesTheDecidingOutcomeAndWhatWasReadSince() throws Exception {
    server.enqueue(jsonResponse(200, page(authFailure("2025-05-01T09:10:00.000Z"), push("2025-05-01T09:20:00.000Z", "SUCCESS", null))));

    ClaimCheck check = new OktaPortFixture(server, clock, 1).port.checkClaim(OktaPortFixture.source(server), PROVISIONED, SINCE);

    assertThat(check.evidence()).containsExactly(
        "Newest outcome since 2025-05-01T09:00:00Z: 2025-05-01T09:20:00Z application.provision.user.push_profile SUCCESS"
            + " for Probe User (probe@example.com): Push user to app",
        "Earlier: 2025-05-01T09:10:00Z application.integration.authentication_failure FAILURE: Authentication failed:"
            + " 401 Unauthorized");
    HttpUrl url = take().getRequestUrl();
    assertThat(url.queryParameter("since")).isEqualTo("2025-05-01T09:00:00Z");
    assertThat(url.queryParameter("until")).isEqualTo(NOW.toString());
  }

  @Test
  void aClaimWithoutATimeIsWeighedAgainstTheLastWeek() throws Exception {
    server.enqueue(jsonResponse(200, page(push("2025-04-28T09:10:00.000Z", "SUCCESS", null))));

    ClaimCheck check = new OktaPortFixture(server, clock, 1).port.checkClaim(OktaPortFixture.source(server), PROVISIONED, null);

    assertThat(check.verdict()).isEqualTo(HELD);
    assertThat(take().getRequestUrl().queryParameter("since")).isEqualTo("2025-04-24T10:00:00Z");
  }

  @Test
  void nothingLoggedSaysWhatWasLookedFor() {
    server.enqueue(jsonResponse(200, "[]"));

    ClaimCheck check = new OktaPortFixture(server, clock, 1).port.checkClaim(OktaPortFixture.source(server),
        TOKEN_INSTALLED, SINCE);

    assertThat(check.evidence()).containsExactly("Okta System Log shows no successful push or authentication failure"
        + " for app " + APP_ID + " since 2025-05-01T09:00:00Z (0 provisioning events read, none bearing on it)");
  }
}
