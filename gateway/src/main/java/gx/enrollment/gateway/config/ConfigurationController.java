package gx.enrollment.gateway.config;

import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/ops/configuration}: for operators, each reloadable file of {@code config/}
 * with when it was loaded, the SHA-256 of the content in force, whether the file on disk is that
 * content, the settings in force (secrets masked, environment overrides applied) and the last edit
 * refused. Reads only; the operator role is enforced at the edge.
 */
@RestController
public class ConfigurationController {

  private final ConfigurationFiles files;
  private final ConfigReloadProperties reload;

  public ConfigurationController(ConfigurationFiles files, ConfigReloadProperties reload) {
    this.files = files;
    this.reload = reload;
  }

  /**
   * @param reloadEnabled whether edits are taken at run time
   * @param pollInterval how often the files are read
   * @param files every reloadable file
   */
  public record Configuration(
      boolean reloadEnabled, String pollInterval, List<ConfigurationFiles.FileState> files) {}

  @GetMapping(path = "/api/v1/ops/configuration", produces = MediaType.APPLICATION_JSON_VALUE)
  public Configuration configuration() {
    return new Configuration(
        reload.enabled(), SettingsView.duration(reload.pollInterval()), files.states());
  }
}
