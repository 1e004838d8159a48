package gx.enrollment.gateway.config;

import gx.enrollment.connectors.settings.MinDuration;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The watcher of {@code config/} ({@code enrollment.config.reload.*} in {@code application.yml}).
 *
 * @param enabled whether edits of {@code config/} are taken at run time; without it they are read
 *     at start only
 * @param pollInterval how often the files are read; an edit is taken once the file has stayed the
 *     same for one interval (so a half-written file is not refused), i.e. one to two intervals
 *     after it is saved
 */
@ConfigurationProperties("enrollment.config.reload")
@Validated
public record ConfigReloadProperties(
    @DefaultValue("true") boolean enabled,
    @NotNull @MinDuration(millis = 50) @DefaultValue("1s") Duration pollInterval) {}
