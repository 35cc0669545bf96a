package io.scimplaybook.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class SecretsStayOutOfLogsTest {
  @Test
  void requestsAreLoggedByMethodAndPathOnly() throws Exception {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    root.addAppender(appender);
    SandboxConfig config = SandboxConfig.defaults().withPort(0);
    try (SandboxServer server = SandboxServer.start(config)) {
      SandboxHttp http = new SandboxHttp(server);
      String graph = http.graphToken();
      String token = http.generateCmaToken();
      http.scimUsers(token);
      http.validateCredentials(graph, http.scimBaseAddress(), token);
      http.putSecrets(graph, http.scimBaseAddress(), token);
      http.provisionOnDemand(graph);
      http.tokenRaw(config.entraClientId(), "wrong-secret");

      List<String> lines = appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
      assertThat(lines).anySatisfy(l -> assertThat(l).isEqualTo("POST /sandbox/cma/scim-token"));
      assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("PUT /v1.0/servicePrincipals/"));
      assertThat(String.join("\n", lines))
          .doesNotContain(token)
          .doesNotContain(graph)
          .doesNotContain(config.entraClientSecret())
          .doesNotContain(config.catoApiKey())
          .doesNotContain("wrong-secret");
    } finally {
      root.detachAppender(appender);
    }
  }

  @Test
  void theIdpsCredentialsAndAPastedTokenStayOutOfTheLogToo() throws Exception {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    root.addAppender(appender);
    SandboxConfig config = SandboxConfig.defaults().withPort(0).withIdp(SandboxIdp.OKTA)
        .withOkta(OktaSandbox.defaults().withTokenAuthSupported(true));
    try (SandboxServer server = SandboxServer.start(config)) {
      IdpHttp idp = new IdpHttp(server);
      String pasted = idp.http().generateCmaToken();
      idp.installToken(pasted);
      String saved = idp.http().generateCmaToken();
      idp.okta("POST", idp.connectionPath(), "{\"profile\":{\"authScheme\":\"TOKEN\",\"token\":\"" + saved + "\"}}");
      idp.okta("GET", "/api/v1/logs", "wrong-okta-token", null);
      idp.okta("GET", "/api/v1/logs", null);
      idp.oneLoginToken(IdpHttp.basic(config.onelogin().clientId(), config.onelogin().clientSecret()), "{}");

      List<String> lines = appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
      assertThat(lines).anySatisfy(l -> assertThat(l).isEqualTo("POST /sandbox/idp/token"));
      assertThat(String.join("\n", lines))
          .doesNotContain(pasted)
          .doesNotContain(saved)
          .doesNotContain(config.okta().apiToken())
          .doesNotContain("wrong-okta-token")
          .doesNotContain(config.onelogin().clientSecret());
    } finally {
      root.detachAppender(appender);
    }
  }
}
