package io.scimplaybook.activities.okta;

import io.scimplaybook.api.input.Idp;
import io.scimplaybook.api.input.OktaTarget;
import io.scimplaybook.api.input.SourceProfile;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockWebServer;

/** An {@link OktaIdpPort} on the mock org, whose pauses are counted instead of slept. */
final class OktaPortFixture {
  static final Duration INTERVAL = Duration.ofSeconds(4);

  final List<Duration> pauses = new ArrayList<>();
  final OktaIdpPort port;

  OktaPortFixture(MockWebServer server, Clock clock, int polls) {
    this(List.of(OktaPayloads.apiTokenSettings(server)), clock, polls);
  }

  OktaPortFixture(List<OktaOrgSettings> orgs, Clock clock, int polls) {
    port = new OktaIdpPort(orgs, new OkHttpClient(), clock, new PushPolling(INTERVAL, polls, pauses::add));
  }

  static SourceProfile source(MockWebServer server) {
    return source(new OktaTarget(OktaPayloads.orgUrl(server), OktaPayloads.APP_ID, OktaPayloads.PROBE_ID,
        OktaPayloads.PROBE_LOGIN));
  }

  static SourceProfile source(OktaTarget target) {
    return new SourceProfile("4711", "77", Idp.OKTA, "Contoso Okta", null, null, null, target, null, null, null);
  }
}
