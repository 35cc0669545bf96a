package io.scimplaybook.starter.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The webhook's settings as Spring binds them: no credential, no webhook, unless a demo asks for it. */
class WebhookPropertiesTest {

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(WebhookProperties.class)
  static class Bind {}

  private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Bind.class);

  @Test
  void withoutAnyCredentialTheStarterRefusesToStartAndSaysWhatToSet() {
    context.run(started -> {
      assertThat(started).hasFailed();
      assertThat(started.getStartupFailure()).rootCause()
          .hasMessageContaining("the failure-event webhook has no authentication configured")
          .hasMessageContaining("SCIM_PLAYBOOK_WEBHOOK_BEARER_TOKEN")
          .hasMessageContaining("scim-playbook.webhook.allow-unauthenticated=true");
    });
  }

  @Test
  void aBlankCredentialCountsAsNone() {
    context.withPropertyValues("scim-playbook.webhook.bearer-token=  ")
        .run(started -> assertThat(started).hasFailed());
  }

  @Test
  void aDemoMayExplicitlyRunWithoutCredentials() {
    context.withPropertyValues("scim-playbook.webhook.allow-unauthenticated=true").run(started -> {
      assertThat(started).hasNotFailed();
      assertThat(started.getBean(WebhookProperties.class).authenticationRequired()).isFalse();
    });
  }

  @Test
  void aShortSecretIsRefusedWithoutShowingIt() {
    context.withPropertyValues("scim-playbook.webhook.hmac-key=tiny-k3y").run(started -> {
      assertThat(started).hasFailed();
      assertThat(started.getStartupFailure()).rootCause()
          .hasMessageContaining("scim-playbook.webhook.hmac-key must be at least 16 characters")
          .hasMessageNotContaining("tiny-k3y");
    });
  }

  @Test
  void secretsNeverPrint() {
    context.withPropertyValues("scim-playbook.webhook.bearer-token=token-from-config-123456",
        "scim-playbook.webhook.hmac-key=key-from-config-654321").run(started -> {
          WebhookProperties webhook = started.getBean(WebhookProperties.class);
          assertThat(webhook.hmacKey()).isEqualTo("key-from-config-654321");
          assertThat(webhook.toString()).contains("bearerToken=***", "hmacKey=***")
              .doesNotContain("token-from-config-123456").doesNotContain("key-from-config-654321");
        });
  }
}
