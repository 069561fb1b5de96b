package io.kasa.terminal.task;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One background thread for the register's work (catalogue look-ups, the journal), so what the
 * cashier does is done in order; results come back through {@link Platform#runLater}, the only
 * place that calls it, until the register closes.
 */
public final class FxTaskExecutor implements TaskExecutor, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(FxTaskExecutor.class);

  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "kasa-register");
            t.setDaemon(true);
            return t;
          });

  /** Set on close: work still queued finishes, but its result reaches no screen (they are gone). */
  private volatile boolean closed;

  @Override
  public <T> void submit(Callable<T> work, Consumer<T> done, Consumer<Throwable> failed) {
    if (closed) {
      // Asked by a screen event that was already queued when the register closed (a quick-key
      // reload, a search): there is no screen left to answer.
      LOG.debug("Register closed: late work not started");
      return;
    }
    worker.execute(
        () -> {
          T result;
          try {
            result = work.call();
          } catch (Exception | Error e) {
            if (e instanceof Exception && !(e instanceof RuntimeException)) {
              // A checked exception is a refusal the register expects and words for the cashier
              // (a wrong PIN, a shift not open): one INFO line, no stack trace.
              LOG.info("Refused: {}", e.getMessage());
            } else {
              LOG.warn("Register task failed", e);
            }
            deliver(() -> failed.accept(e));
            return;
          }
          deliver(() -> done.accept(result));
        });
  }

  private void deliver(Runnable toScreen) {
    Platform.runLater(
        () -> {
          if (!closed) {
            toScreen.run();
          }
        });
  }

  @Override
  public void ui(Runnable action) {
    if (Platform.isFxApplicationThread()) {
      action.run();
    } else {
      Platform.runLater(action);
    }
  }

  /** Lets queued work finish (a sale being journalled), for at most 10 seconds. */
  @Override
  public void close() {
    closed = true;
    worker.shutdown();
    try {
      worker.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
