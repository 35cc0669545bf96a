package io.scimplaybook.activities.entra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class EntraSettingsTest {

  @Test
  void defaultsToMicrosoftsPublicCloud() {
    EntraSettings settings = EntraSettings.of("tenant", "client", "secret-value");

    assertThat(settings.loginBaseUrl()).isEqualTo("https://login.microsoftonline.com");
    assertThat(settings.graphBaseUrl()).isEqualTo("https://graph.microsoft.com/v1.0");
    assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void dropsTrailingSlashesSoPathsJoinCleanly() {
    EntraSettings settings =
        new EntraSettings("http://127.0.0.1:8080/login/", "http://127.0.0.1:8080/v1.0/", "t", "c", "s", Duration.ofSeconds(5));

    assertThat(settings.loginBaseUrl()).isEqualTo("http://127.0.0.1:8080/login");
    assertThat(settings.graphBaseUrl()).isEqualTo("http://127.0.0.1:8080/v1.0");
    assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void toStringHidesTheSecret() {
    EntraSettings settings = EntraSettings.of("tenant", "client", "Very~Secret.Value");

    assertThat(settings.toString()).contains("tenant", "client").doesNotContain("Very~Secret.Value");
  }

  @Test
  void aMissingSecretIsNamedWithoutEchoingAnything() {
    assertThatThrownBy(() -> EntraSettings.of("tenant", "client", " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Entra setting clientSecret is missing");
  }
}
