package gx.enrollment.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsViewUnitTests {

  record Client(String id, String apiKey, URI callback, Duration window, List<String> roles) {}

  record Clients(Map<String, String> keys, List<Client> clients, String password) {}

  @Test
  void writes_durations_as_operators_do() {
    assertThat(SettingsView.duration(Duration.ofMillis(500))).isEqualTo("500ms");
    assertThat(SettingsView.duration(Duration.ofSeconds(1))).isEqualTo("1s");
    assertThat(SettingsView.duration(Duration.ofSeconds(90))).isEqualTo("90s");
    assertThat(SettingsView.duration(Duration.ofMinutes(10))).isEqualTo("10m");
    assertThat(SettingsView.duration(Duration.ofHours(2))).isEqualTo("2h");
    assertThat(SettingsView.duration(Duration.ZERO)).isEqualTo("0ms");
    assertThat(SettingsView.duration(Duration.ofNanos(1500))).isEqualTo("PT0.0000015S");
  }

  @Test
  void renders_records_under_kebab_case_keys_and_masks_every_secret() {
    Object view =
        SettingsView.of(
            new Clients(
                Map.of("k1", "c2VjcmV0LWtleS1ub3QtZm9yLWxvZ3M="),
                List.of(
                    new Client(
                        "portal",
                        "abcdefghijklmnop",
                        URI.create("https://portal.example"),
                        Duration.ofSeconds(30),
                        List.of("SUBMIT"))),
                "short"));

    assertThat(view)
        .isEqualTo(
            Map.of(
                "keys", Map.of("k1", "****M="),
                "clients",
                    List.of(
                        Map.of(
                            "id", "portal",
                            "api-key", "****op",
                            "callback", "https://portal.example",
                            "window", "30s",
                            "roles", List.of("SUBMIT"))),
                "password", "****"));
  }
}
