package gx.enrollment.gateway.config;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Polls the configuration folder every {@code poll-interval} on a thread of its own (a daemon named
 * {@code config-watcher}, never an event loop: reading files blocks). Polling rather than a {@code
 * WatchService}: it works the same on every filesystem — bind mounts, network shares, Kubernetes
 * ConfigMaps swapped by symlink — and an edit is taken only once the file has stayed the same for
 * one interval, so a half-written file is not refused.
 */
public final class ConfigurationWatcher implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ConfigurationWatcher.class);

  private final ConfigurationFiles files;
  private final Duration interval;
  private @Nullable ScheduledExecutorService executor;

  public ConfigurationWatcher(ConfigurationFiles files, Duration interval) {
    this.files = files;
    this.interval = interval;
  }

  @Override
  public synchronized void start() {
    ScheduledExecutorService started =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "config-watcher");
              thread.setDaemon(true);
              return thread;
            });
    long millis = interval.toMillis();
    started.scheduleWithFixedDelay(this::pollSafely, millis, millis, TimeUnit.MILLISECONDS);
    executor = started;
    log.info("watching the configuration files every {}", SettingsView.duration(interval));
  }

  private void pollSafely() {
    try {
      files.poll();
    } catch (RuntimeException e) {
      // A failed poll must not end the schedule: the next one tries again.
      log.error("configuration poll failed", e);
    }
  }

  @Override
  public synchronized void stop() {
    if (executor != null) {
      executor.shutdownNow();
      executor = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return executor != null;
  }
}
