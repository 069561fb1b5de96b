package io.kasa.terminal.task;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs work off the UI thread and hands the outcome back on it. View models go through this seam
 * only, so they never block the counter and tests run them on one thread.
 */
public interface TaskExecutor {

  /**
   * Runs {@code work} in the background, in submission order, then {@code done} or {@code failed}
   * on the UI thread.
   */
  <T> void submit(Callable<T> work, Consumer<T> done, Consumer<Throwable> failed);

  /** Runs {@code action} on the UI thread. */
  void ui(Runnable action);
}
