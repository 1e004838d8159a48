package gx.enrollment.gateway.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.OriginTrackedMapPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.OriginLookup;
import org.springframework.boot.origin.TextResourceOrigin;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.validation.Validator;

/**
 * The reloadable files of the configuration folder and what is in force of each. {@link #poll()}
 * (the watcher calls it every interval) reads every file; a file whose content changed and then
 * stayed the same for one more poll is bound the way start-up binds it — Spring's {@link Binder}
 * over the environment's property sources with the file's own source replaced by the new content,
 * so that the command line, system properties and environment variables still win over the file —
 * and validated with the same Jakarta validator. If every section binds, the file's property source
 * is replaced in the environment and each section whose value changed is handed to its feature;
 * otherwise the edit is refused with a message naming the file and the key, logged at WARN and kept
 * for {@code GET /api/v1/ops/configuration}, and the last good configuration stays.
 *
 * <p>Thread-safe: polls and reads of the state may come from any thread.
 */
public final class ConfigurationFiles {

  private static final Logger log = LoggerFactory.getLogger(ConfigurationFiles.class);

  /** An edit that was not taken. */
  public record Refusal(Instant at, String file, String key, String message, String sha256) {}

  /** What {@code GET /api/v1/ops/configuration} shows of one file. */
  public record FileState(
      String file,
      String path,
      Instant loadedAt,
      String sha256,
      boolean onDiskInForce,
      Map<String, @Nullable Object> settings,
      @Nullable Refusal lastRefused) {}

  /** The result of one {@link #reload(String)}. */
  public sealed interface Outcome {}

  /** The file was taken; {@code changed} are the prefixes of the sections that changed. */
  public record Applied(List<String> changed) implements Outcome {}

  /** The file was refused. */
  public record Refused(Refusal refusal) implements Outcome {}

  private final class Tracked {
    final String name;
    final String display;
    final Path path;
    final List<ConfigSection<?>> sections = new ArrayList<>();
    final Map<String, Object> current = new LinkedHashMap<>();
    String sourceName = "";
    List<String> extraSourceNames = List.of();
    Instant loadedAt;
    String loadedHash;
    String seenHash;
    @Nullable String refusedHash;
    @Nullable Refusal lastRefused;

    Tracked(String name) {
      this.name = name;
      this.display = displayDir + "/" + name;
      this.path = dir.resolve(name);
      this.loadedAt = clock.instant();
      this.loadedHash = hash(read(path));
      this.seenHash = loadedHash;
    }
  }

  private static final String MISSING = "missing";

  /**
   * The name of the property source {@link ConfigurationPropertySources#attach} adds: it reads the
   * environment's sources as they are, the old file included, so the candidate leaves it out.
   */
  private static final String ATTACHED = "configurationProperties";

  private final ConfigurableEnvironment environment;
  private final Path dir;
  private final String displayDir;
  private final Validator validator;
  private final Clock clock;
  private final Map<String, Tracked> files = new LinkedHashMap<>();

  /** What {@link #states()} answers, rebuilt after every change: readers never wait on a poll. */
  private volatile List<FileState> states = List.of();

  /**
   * @param dir the configuration folder ({@code enrollment.config-dir})
   * @param displayDir how messages name it, e.g. {@code config}
   * @param validator the Jakarta validator start-up validates {@code @Validated} settings with
   */
  public ConfigurationFiles(
      ConfigurableEnvironment environment,
      Path dir,
      String displayDir,
      Validator validator,
      Clock clock,
      List<ConfigSection<?>> sections) {
    this.environment = environment;
    this.dir = dir;
    this.displayDir = displayDir;
    this.validator = validator;
    this.clock = clock;
    sections.forEach(this::register);
    publish();
  }

  private synchronized void register(ConfigSection<?> section) {
    Tracked file = files.computeIfAbsent(section.file(), this::track);
    file.sections.add(section);
    file.current.put(section.prefix(), section.initial());
  }

  private Tracked track(String name) {
    Tracked file = new Tracked(name);
    List<String> names = importedSourceNames(file.path);
    if (names.isEmpty()) {
      log.warn(
          "{} is not among the files spring.config.import read at start: its edits will rank"
              + " below every other property source",
          file.display);
      file.sourceName = "Config resource 'file [" + file.path + "]' (reloaded)";
    } else {
      file.sourceName = names.get(0);
      file.extraSourceNames = names.subList(1, names.size());
    }
    return file;
  }

  /** The property sources {@code spring.config.import} made of {@code path}, by their origin. */
  private List<String> importedSourceNames(Path path) {
    List<String> names = new ArrayList<>();
    Path wanted = realPath(path);
    for (PropertySource<?> source : environment.getPropertySources()) {
      if (source instanceof EnumerablePropertySource<?> enumerable
          && source instanceof OriginLookup<?>
          && enumerable.getPropertyNames().length > 0) {
        Origin origin = originOf(source, enumerable.getPropertyNames()[0]);
        if (origin instanceof TextResourceOrigin text
            && text.getResource() != null
            && text.getResource().isFile()
            && wanted.equals(realPath(fileOf(text.getResource())))) {
          names.add(source.getName());
        }
      }
    }
    return names;
  }

  @SuppressWarnings("unchecked")
  private static @Nullable Origin originOf(PropertySource<?> source, String key) {
    Origin origin = ((OriginLookup<String>) source).getOrigin(key);
    while (origin != null && !(origin instanceof TextResourceOrigin)) {
      origin = origin.getParent();
    }
    return origin;
  }

  private static Path fileOf(Resource resource) {
    try {
      return resource.getFile().toPath();
    } catch (IOException e) {
      return Path.of(resource.getDescription());
    }
  }

  private static Path realPath(Path path) {
    try {
      return path.toRealPath();
    } catch (IOException e) {
      return path.toAbsolutePath().normalize();
    }
  }

  /**
   * Reads every file and takes those whose new content has stayed the same since the last poll. A
   * refused content is not tried again until the file changes.
   */
  public synchronized void poll() {
    boolean changed = false;
    for (Tracked file : files.values()) {
      byte @Nullable [] content = read(file.path);
      String hash = hash(content);
      if (hash.equals(file.loadedHash) || hash.equals(file.refusedHash)) {
        changed |= !hash.equals(file.seenHash);
        file.seenHash = hash;
        continue;
      }
      if (!hash.equals(file.seenHash)) {
        file.seenHash = hash; // changed since the last poll: maybe still being written
        changed = true;
        continue;
      }
      take(file, content, hash);
      changed = true;
    }
    if (changed) {
      publish();
    }
  }

  /** Reads {@code name} and takes it now, without waiting for it to settle. */
  public synchronized Outcome reload(String name) {
    Tracked file = files.get(name);
    if (file == null) {
      throw new IllegalArgumentException(name + " is not a reloadable configuration file");
    }
    byte @Nullable [] content = read(file.path);
    String hash = hash(content);
    file.seenHash = hash;
    Outcome outcome = take(file, content, hash);
    publish();
    return outcome;
  }

  private Outcome take(Tracked file, byte @Nullable [] content, String hash) {
    if (content == null) {
      return refuse(file, hash, "(file)", "the file is missing or unreadable");
    }
    PropertySource<?> replacement;
    try {
      replacement = parse(file, content);
    } catch (IOException | RuntimeException e) {
      return refuse(file, hash, "(YAML)", "not valid YAML: " + yamlProblem(e));
    }
    MutablePropertySources candidate = new MutablePropertySources();
    boolean placed = false;
    for (PropertySource<?> source : environment.getPropertySources()) {
      if (source.getName().equals(file.sourceName)) {
        candidate.addLast(replacement);
        placed = true;
      } else if (!file.extraSourceNames.contains(source.getName())
          && !ATTACHED.equals(source.getName())) {
        candidate.addLast(source);
      }
    }
    if (!placed) {
      candidate.addLast(replacement);
    }
    Binder binder =
        new Binder(
            ConfigurationPropertySources.from(candidate),
            new PropertySourcesPlaceholdersResolver(candidate));
    Map<String, Object> bound = new LinkedHashMap<>();
    for (ConfigSection<?> section : file.sections) {
      try {
        bound.put(section.prefix(), bind(binder, section));
      } catch (BindException e) {
        BindFailures.Failure failure =
            BindFailures.describe(
                e,
                key ->
                    BindFailures.line(
                        ((OriginTrackedMapPropertySource) replacement).getOrigin(key)));
        return refuse(file, hash, failure.key(), failure.message());
      } catch (RuntimeException e) {
        // Not a binding failure Spring describes; still the file's fault, still refused.
        return refuse(file, hash, section.prefix(), String.valueOf(e.getMessage()));
      }
    }
    List<String> changed = new ArrayList<>();
    try {
      replaceSource(file, replacement, placed);
      for (ConfigSection<?> section : file.sections) {
        Object value = bound.get(section.prefix());
        if (!value.equals(file.current.get(section.prefix()))) {
          apply(section, value);
          file.current.put(section.prefix(), value);
          changed.add(section.prefix());
        }
      }
    } catch (RuntimeException e) {
      log.error("{}: could not put the new settings in force", file.display, e);
      return refuse(file, hash, "(apply)", "could not put the new settings in force: " + e);
    }
    file.loadedHash = hash;
    file.loadedAt = clock.instant();
    file.refusedHash = null;
    log.info(
        "{} reloaded ({}): {}",
        file.display,
        hash.substring(0, 12),
        changed.isEmpty() ? "nothing in force changed" : "changed " + String.join(", ", changed));
    return new Applied(List.copyOf(changed));
  }

  private PropertySource<?> parse(Tracked file, byte[] content) throws IOException {
    Resource resource = new ByteArrayResource(content, file.display);
    List<PropertySource<?>> documents = new YamlPropertySourceLoader().load(file.display, resource);
    // Later documents of a file win over earlier ones, as in Spring's own loading.
    Map<String, Object> merged = new LinkedHashMap<>();
    for (PropertySource<?> document : documents) {
      if (document.getSource() instanceof Map<?, ?> values) {
        // The raw values, which carry their line for messages.
        values.forEach((key, value) -> merged.put(String.valueOf(key), value));
      }
    }
    return new OriginTrackedMapPropertySource(file.sourceName, merged, true);
  }

  private Object bind(Binder binder, ConfigSection<?> section) {
    return binder.bindOrCreate(
        section.prefix(), Bindable.of(section.type()), new ValidationBindHandler(validator));
  }

  private void replaceSource(Tracked file, PropertySource<?> replacement, boolean placed) {
    MutablePropertySources sources = environment.getPropertySources();
    if (placed) {
      sources.replace(file.sourceName, replacement);
    } else {
      sources.addLast(replacement);
    }
    file.extraSourceNames.forEach(sources::remove);
    file.extraSourceNames = List.of();
  }

  @SuppressWarnings("unchecked")
  private static <T> void apply(ConfigSection<T> section, Object value) {
    section.onChange().accept((T) value);
  }

  private Outcome refuse(Tracked file, String hash, String key, String reason) {
    String message =
        key.startsWith("(") || reason.startsWith(key)
            ? file.display + ": " + reason
            : file.display + ": " + key + ": " + reason;
    Refusal refusal = new Refusal(clock.instant(), file.display, key, message, hash);
    file.refusedHash = hash;
    file.lastRefused = refusal;
    log.warn("refused an edit of {}; the last good configuration stays in force", message);
    return new Refused(refusal);
  }

  private static String yamlProblem(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    if (cause instanceof org.yaml.snakeyaml.error.MarkedYAMLException marked
        && marked.getProblemMark() != null) {
      return marked.getProblem()
          + " at line "
          + (marked.getProblemMark().getLine() + 1)
          + ", column "
          + (marked.getProblemMark().getColumn() + 1);
    }
    return String.valueOf(cause.getMessage()).lines().findFirst().orElse(cause.toString());
  }

  /** Every reloadable file and what is in force of it; never waits for a poll to end. */
  public List<FileState> states() {
    return states;
  }

  private void publish() {
    List<FileState> states = new ArrayList<>();
    for (Tracked file : files.values()) {
      Map<String, @Nullable Object> settings = new LinkedHashMap<>();
      file.current.forEach((prefix, value) -> settings.put(prefix, SettingsView.of(value)));
      states.add(
          new FileState(
              file.display,
              file.path.toAbsolutePath().normalize().toString(),
              file.loadedAt,
              file.loadedHash,
              file.seenHash.equals(file.loadedHash),
              settings,
              file.lastRefused));
    }
    this.states = List.copyOf(states);
  }

  /** The value in force of {@code prefix} in {@code file}. */
  public synchronized @Nullable Object current(String file, String prefix) {
    Tracked tracked = files.get(file);
    return tracked == null ? null : tracked.current.get(prefix);
  }

  private static byte @Nullable [] read(Path path) {
    try {
      return Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      log.warn("cannot read {}: {}", path, e.toString());
      return null;
    }
  }

  private static String hash(byte @Nullable [] content) {
    if (content == null) {
      return MISSING;
    }
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
