package io.scimplaybook.starter.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.util.unit.DataSize;

/** The credential rules that need a configuration or a clock the HTTP tests do not have. */
class WebhookAuthenticatorTest {

  static final String TOKEN = "bearer-secret-0123456789";
  static final String KEY = "hmac-secret-0123456789ab";
  static final Instant NOW = Instant.parse("2025-06-01T08:30:00Z");
  static final String BODY = "{\"accountId\":\"1\"}";

  static WebhookProperties props(String token, String key, boolean open) {
    return new WebhookProperties(Duration.ofSeconds(10), DataSize.ofKilobytes(64), token, key, Duration.ofMinutes(5), open,
        Duration.ofSeconds(10));
  }

  static WebhookAuthenticator authenticator(WebhookProperties props) {
    return new WebhookAuthenticator(props, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  static MockHttpServletRequest signed(String key, Instant at) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/events/scim-failure");
    String timestamp = Long.toString(at.getEpochSecond());
    request.addHeader(WebhookAuthenticator.TIMESTAMP_HEADER, timestamp);
    request.addHeader(WebhookAuthenticator.SIGNATURE_HEADER, "sha256=" + WebhookHttp.sign(key, timestamp, BODY));
    return request;
  }

  static void authenticate(WebhookAuthenticator auth, MockHttpServletRequest request) {
    if (auth.checkHeaders(request)) {
      auth.checkSignature(request, BODY.getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void aSignatureAtTheEdgeOfTheAllowedAgeIsAcceptedAndOneSecondPastItIsNot() throws Exception {
    WebhookAuthenticator auth = authenticator(props(null, KEY, false));

    authenticate(auth, signed(KEY, NOW.minus(Duration.ofMinutes(5))));
    authenticate(auth, signed(KEY, NOW.plus(Duration.ofMinutes(5))));
    assertThatThrownBy(() -> authenticate(auth, signed(KEY, NOW.minus(Duration.ofSeconds(301)))))
        .isInstanceOf(WebhookAuthenticationException.class).hasMessageContaining("301 s away");
    assertThatThrownBy(() -> authenticate(auth, signed(KEY, NOW.plus(Duration.ofSeconds(301)))))
        .isInstanceOf(WebhookAuthenticationException.class).hasMessageContaining("301 s away");
  }

  @Test
  void withOnlyAnHmacKeyABearerTokenIsRefusedNamingWhatIsAccepted() {
    WebhookAuthenticator auth = authenticator(props(null, KEY, false));
    MockHttpServletRequest request = new MockHttpServletRequest();
    request.addHeader("Authorization", "Bearer " + KEY);

    assertThatThrownBy(() -> auth.checkHeaders(request)).isInstanceOf(WebhookAuthenticationException.class)
        .hasMessage("bearer tokens are not accepted here (no bearer token is configured): sign the body with "
            + "X-Scim-Playbook-Signature and X-Scim-Playbook-Timestamp");
    assertThat(auth.challenge()).isNull();
  }

  @Test
  void withOnlyABearerTokenASignatureIsRefused() throws Exception {
    WebhookAuthenticator auth = authenticator(props(TOKEN, null, false));

    assertThatThrownBy(() -> authenticate(auth, signed(TOKEN, NOW))).isInstanceOf(WebhookAuthenticationException.class)
        .hasMessageContaining("signed requests are not accepted here");
  }

  @Test
  void theBearerSchemeIsCaseInsensitiveAsHttpSays() {
    WebhookAuthenticator auth = authenticator(props(TOKEN, null, false));
    MockHttpServletRequest request = new MockHttpServletRequest();
    request.addHeader("Authorization", "bearer " + TOKEN);

    assertThat(auth.checkHeaders(request)).isFalse();
  }

  @Test
  void anOpenDemoWebhookAsksForNothing() {
    WebhookAuthenticator auth = authenticator(props(null, null, true));

    assertThat(auth.required()).isFalse();
    assertThat(auth.checkHeaders(new MockHttpServletRequest())).isFalse();
  }

  @Test
  void aConfiguredSecretIsEnforcedEvenWhenUnauthenticatedUseIsAllowed() {
    WebhookAuthenticator auth = authenticator(props(TOKEN, null, true));

    assertThatThrownBy(() -> auth.checkHeaders(new MockHttpServletRequest()))
        .isInstanceOf(WebhookAuthenticationException.class).hasMessage("no credentials: send 'Authorization: Bearer <token>'");
  }

  @Test
  void aTimestampBeyondTheRangeOfTimeIsRefusedLikeAStaleOneNotAServerError() throws Exception {
    WebhookAuthenticator auth = authenticator(props(null, KEY, false));
    for (String timestamp : new String[] {"99999999999999999", "-99999999999999999", Long.toString(Long.MAX_VALUE),
        Long.toString(Long.MIN_VALUE)}) {
      MockHttpServletRequest request = new MockHttpServletRequest("POST", "/events/scim-failure");
      request.addHeader(WebhookAuthenticator.TIMESTAMP_HEADER, timestamp);
      request.addHeader(WebhookAuthenticator.SIGNATURE_HEADER, "sha256=" + "0".repeat(64));

      assertThatThrownBy(() -> auth.checkHeaders(request)).as(timestamp)
          .isInstanceOf(WebhookAuthenticationException.class)
          .hasMessageContaining("more than ten years away from the starter's clock");
    }
  }

  @Test
  void theSameSignedRequestIsAcceptedOnceWithinTheWindowAndAFreshlySignedRetryIsAccepted() throws Exception {
    WebhookAuthenticator auth = authenticator(props(null, KEY, false));
    authenticate(auth, signed(KEY, NOW));

    assertThatThrownBy(() -> authenticate(auth, signed(KEY, NOW)))
        .isInstanceOf(WebhookAuthenticationException.class).hasMessageContaining("already received (a replay is refused)");
    authenticate(auth, signed(KEY, NOW.minusSeconds(1)));
  }

  @Test
  void aForgedSignatureIsNotRememberedSoItCannotPushRealOnesOut() throws Exception {
    WebhookAuthenticator auth = authenticator(props(null, KEY, false));
    assertThatThrownBy(() -> authenticate(auth, signed("another-key-0123456789", NOW)))
        .isInstanceOf(WebhookAuthenticationException.class).hasMessageContaining("does not match");

    authenticate(auth, signed(KEY, NOW));
  }

  @Test
  void rememberedSignaturesLeaveWhenTheirWindowHasPassedAndTheMemoryIsBounded() {
    RecentSignatures recent = new RecentSignatures(600, 3);
    assertThat(recent.firstSighting("a", 1000, 1000)).isTrue();
    assertThat(recent.firstSighting("a", 1000, 1500)).isFalse();
    assertThat(recent.firstSighting("a", 1000, 1601)).isTrue();

    assertThat(recent.firstSighting("b", 1601, 1601)).isTrue();
    assertThat(recent.firstSighting("c", 1601, 1601)).isTrue();
    assertThat(recent.firstSighting("d", 1601, 1601)).isTrue();
    assertThat(recent.size()).isEqualTo(3);
    assertThat(recent.firstSighting("d", 1601, 1601)).isFalse();
  }
}
