package io.scimplaybook.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** scim-playbook.notify as the worker binds it: defaults, which channels are on, and no secret in its text. */
class NotifyPropertiesTest {
  private static final String HOOK = "https://hooks.slack.com/services/T0001/B0002/s3cr3tW3bh00k";

  private static NotifyProperties bind(Map<String, String> values) {
    return new Binder(new MapConfigurationPropertySource(values))
        .bindOrCreate("scim-playbook.notify", NotifyProperties.class);
  }

  @Test
  void nothingConfiguredMeansNotificationsAreOffWithTheComposeUiAsLinkBase() {
    NotifyProperties p = bind(Map.of());

    assertThat(p.uiBaseUrl()).isEqualTo("http://localhost:8233");
    assertThat(p.activities().channelNames()).isEmpty();
  }

  @Test
  void emptyEnvironmentValuesLeaveChannelsOff() {
    NotifyProperties p = bind(Map.of("scim-playbook.notify.webhook.url", "", "scim-playbook.notify.smtp.host", "",
        "scim-playbook.notify.smtp.to", ""));

    assertThat(p.activities().channelNames()).isEmpty();
  }

  @Test
  void bothChannelsFromCommaSeparatedRecipientsAndNoSecretInTheirText() {
    NotifyProperties p = bind(Map.of(
        "scim-playbook.notify.webhook.url", HOOK,
        "scim-playbook.notify.smtp.host", "smtp.example.com",
        "scim-playbook.notify.smtp.username", "notifier",
        "scim-playbook.notify.smtp.password", "pa55-s3cr3t",
        "scim-playbook.notify.smtp.from", "scim-playbook@example.com",
        "scim-playbook.notify.smtp.to", "oncall@example.com, idp-admins@example.com"));

    assertThat(p.activities().channelNames()).containsExactly("webhook", "email");
    assertThat(p.smtp().port()).isEqualTo(587);
    assertThat(p.smtp().starttls()).isTrue();
    assertThat(p.smtp().settings().to()).containsExactly("oncall@example.com", "idp-admins@example.com");
    assertThat(p.toString()).doesNotContain("s3cr3t").contains("password=<hidden>", "url=<hidden>");
  }

  @Test
  void mailWithoutASenderStopsTheWorkerNamingTheSetting() {
    NotifyProperties p = bind(Map.of("scim-playbook.notify.smtp.host", "smtp.example.com",
        "scim-playbook.notify.smtp.to", "oncall@example.com"));

    assertThat(catchThrowable(p::activities)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("scim-playbook.notify.smtp.from is not set");
  }
}
