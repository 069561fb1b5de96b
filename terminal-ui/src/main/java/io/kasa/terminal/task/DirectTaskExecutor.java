package io.kasa.terminal.task;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Everything at once on the calling thread: for view-model tests without the FX thread. */
public final class DirectTaskExecutor implements TaskExecutor {

  @Override
  public <T> void submit(Callable<T> work, Consumer<T> done, Consumer<Throwable> failed) {
    T result;
    try {
      result = work.call();
    } catch (Exception e) {
      failed.accept(e);
      return;
    }
    done.accept(result);
  }

  @Override
  public void ui(Runnable action) {
    action.run();
  }
}
