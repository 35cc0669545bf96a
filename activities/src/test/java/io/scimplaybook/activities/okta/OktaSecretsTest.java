package io.scimplaybook.activities.okta;

import static io.scimplaybook.activities.okta.OktaPayloads.ACCESS_TOKEN;
import static io.scimplaybook.activities.okta.OktaPayloads.API_TOKEN;
import static io.scimplaybook.activities.okta.OktaPayloads.PRIVATE_KEY_PEM;
import static io.scimplaybook.activities.okta.OktaPayloads.SCIM_TOKEN;
import static io.scimplaybook.activities.okta.OktaPayloads.accessToken;
import static io.scimplaybook.activities.okta.OktaPayloads.appUser;
import static io.scimplaybook.activities.okta.OktaPayloads.jsonResponse;
import static io.scimplaybook.activities.okta.OktaPayloads.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.scimplaybook.activities.idp.IdpSupport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * No secret leaves the Okta port: not the API token, the private key, the assertion it signs, the access token nor
 * the SCIM token being saved. Every path that writes a message is driven with Okta echoing what it was sent, and the
 * messages, the support lines (which reach workflow history) and every log line at DEBUG are searched.
 */
class OktaSecretsTest extends OktaServerTest {
  static final String KEY_LINE = PRIVATE_KEY_PEM.lines().skip(3).findFirst().orElseThrow();
  static final String[] SECRETS = {API_TOKEN, ACCESS_TOKEN, SCIM_TOKEN, KEY_LINE, "eyJ"};

  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private final List<String> texts = new ArrayList<>();
  private Logger okta;
  private Level level;

  @BeforeEach
  void captureLogs() {
    okta = (Logger) LoggerFactory.getLogger("io.scimplaybook.activities.okta");
    level = okta.getLevel();
    okta.setLevel(Level.DEBUG);
    logs.start();
    okta.addAppender(logs);
  }

  @AfterEach
  void releaseLogs() {
    okta.detachAppender(logs);
    okta.setLevel(level);
  }

  static String echo(String... sent) {
    return "{\"errorCode\":\"E0000001\",\"errorSummary\":\"Got " + String.join(", ", sent) + "\",\"errorCauses\":[]}";
  }

  private OktaIdpPort port(OktaOrgSettings settings) {
    return new OktaIdpPort(List.of(settings), new OkHttpClient.Builder().readTimeout(Duration.ofMillis(500)).build(),
        clock, new PushPolling(Duration.ZERO, 1, d -> {}));
  }

  private void run(Runnable call) {
    Throwable thrown = catchThrowable(call::run);
    if (thrown != null) {
      texts.add(String.valueOf(thrown));
      texts.add(String.valueOf(thrown.getCause()));
    }
  }

  @Test
  void noSecretReachesAMessageASupportLineOrALog() throws Exception {
    var source = OktaPortFixture.source(server);
    OktaIdpPort withToken = port(OktaPayloads.apiTokenSettings(server));
    OktaIdpPort withServiceApp = port(OktaPayloads.serviceAppSettings(server));

    // support: a refused connections read becomes a manual line, which the workflow keeps in history
    server.enqueue(jsonResponse(403, echo(API_TOKEN)));
    IdpSupport support = withToken.support(source);
    texts.addAll(support.manualBecause());
    // a saved token, and one Okta refuses while echoing it
    server.enqueue(jsonResponse(200, resource("okta-app-connection-default.response.json")));
    run(() -> withToken.saveToken(source, "https://scim.example/scim/v2/1/2", SCIM_TOKEN));
    server.enqueue(jsonResponse(400, echo(API_TOKEN, SCIM_TOKEN)));
    run(() -> withToken.saveToken(source, "https://scim.example/scim/v2/1/2", SCIM_TOKEN));
    // a push that fails, and a log read refused
    server.enqueue(jsonResponse(200, appUser("SYNCHRONIZED", null)));
    server.enqueue(jsonResponse(500, echo(API_TOKEN)));
    run(() -> withToken.provisionNow(source));
    server.enqueue(jsonResponse(401, echo(API_TOKEN)));
    run(() -> withToken.latestCycle(source));
    // the service app: a token endpoint echoing the signed assertion, then Okta echoing the access token
    server.enqueue(jsonResponse(401, "{\"error\":\"invalid_client\",\"error_description\":\"bad " + PRIVATE_KEY_PEM
        .replace("\n", "\\n") + "\"}"));
    run(() -> withServiceApp.provisioningFailures(source, OktaLogReadsTest.WINDOW));
    server.enqueue(accessToken(3600));
    server.enqueue(jsonResponse(403, echo(ACCESS_TOKEN)));
    run(() -> withServiceApp.saveToken(source, "https://scim.example/scim/v2/1/2", SCIM_TOKEN));
    // no answer at all
    server.shutdown();
    run(() -> withToken.saveToken(source, "https://scim.example/scim/v2/1/2", SCIM_TOKEN));
    // settings print without their credentials
    texts.add(OktaPayloads.serviceAppSettings(server).toString());
    texts.add(OktaPayloads.apiTokenSettings(server).toString());

    logs.list.forEach(event -> {
      texts.add(event.getFormattedMessage());
      if (event.getThrowableProxy() != null) {
        texts.add(event.getThrowableProxy().getMessage());
      }
    });
    assertThat(texts).as("messages, support lines and logs were produced").hasSizeGreaterThan(10);
    assertThat(logs.list).as("the calls were logged at DEBUG").isNotEmpty();
    for (String text : texts) {
      for (String secret : SECRETS) {
        assertThat(text).as("a message or log line").doesNotContain(secret);
      }
    }
  }
}
