package gx.enrollment.gateway.support;

import gx.enrollment.gateway.policy.RegionDirectory;
import gx.enrollment.gateway.policy.RegionsProperties;
import jakarta.validation.Validation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/** Binds the real {@code config/} files the way the application does, without starting it. */
public final class TestRegions {

  private TestRegions() {}

  /** The project's {@code config/} folder (set by the build; falls back to {@code ../config}). */
  public static Path configDir() {
    return Path.of(System.getProperty("enrollment.config-dir", "../config"));
  }

  public static RegionDirectory directory() {
    return new RegionDirectory(bind(configDir().resolve("regions.yml")));
  }

  /** Binds {@code enrollment.regions} from {@code file}, validating like the application. */
  public static RegionsProperties bind(Path file) {
    try {
      List<PropertySource<?>> sources =
          new YamlPropertySourceLoader().load(file.toString(), new FileSystemResource(file));
      Binder binder = new Binder(ConfigurationPropertySources.from(sources));
      var validator =
          new SpringValidatorAdapter(Validation.buildDefaultValidatorFactory().getValidator());
      BindHandler handler = new ValidationBindHandler(validator);
      return binder.bind("enrollment.regions", Bindable.of(RegionsProperties.class), handler).get();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
