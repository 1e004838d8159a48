package gx.enrollment.gateway.config;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/** Wires the reloadable files of {@code config/}, their watcher and the operators' view of them. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConfigReloadProperties.class)
public class ConfigReloadConfiguration {

  /** The key {@code spring.config.import} in {@code application.yml} reads the folder from. */
  static final String CONFIG_DIR = "enrollment.config-dir";

  @Bean
  ConfigurationFiles configurationFiles(
      ConfigurableEnvironment environment,
      jakarta.validation.Validator validator,
      Clock clock,
      ObjectProvider<ConfigSection<?>> sections) {
    String dir = environment.getProperty(CONFIG_DIR, "config");
    List<ConfigSection<?>> all = sections.orderedStream().toList();
    return new ConfigurationFiles(
        environment, Path.of(dir), dir, new SpringValidatorAdapter(validator), clock, all);
  }

  @Bean
  @ConditionalOnProperty(
      name = "enrollment.config.reload.enabled",
      havingValue = "true",
      matchIfMissing = true)
  ConfigurationWatcher configurationWatcher(
      ConfigurationFiles files, ConfigReloadProperties properties) {
    return new ConfigurationWatcher(files, properties.pollInterval());
  }
}
