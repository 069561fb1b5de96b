package io.kasa.terminal.enroll;

import io.kasa.terminal.i18n.Messages;
import io.kasa.terminal.task.TaskExecutor;
import java.net.URI;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The enrollment wizard: the service's URL, tested; the one-time code, exchanged for the terminal's
 * credential with the catalogue loaded and counted on screen; then the receipt printer (a device
 * URI and a profile) or the built-in virtual one.
 */
public final class EnrollmentViewModel {

  /** The wizard's steps. */
  public enum Step {
    SERVICE,
    DEVICES,
    DONE
  }

  /** What the wizard needs done; every call runs off the UI thread. */
  public interface Enrollment {
    /** Whether the service answers at {@code url}. */
    boolean reachable(URI url);

    /** Enrolls with the code and loads the catalogue, telling {@code progress} the items so far. */
    void enroll(URI url, String code, java.util.function.LongConsumer progress) throws Exception;

    /** Keeps the printer chosen for this terminal. */
    void devices(String printerUri, String profile);
  }

  private final Enrollment enrollment;
  private final TaskExecutor tasks;
  private final Messages messages;
  private final Consumer<String> onDone;
  private final StringProperty url = new SimpleStringProperty("https://");
  private final StringProperty code = new SimpleStringProperty("");
  private final StringProperty printer = new SimpleStringProperty("sim:printer");
  private final ObjectProperty<String> profile = new SimpleObjectProperty<>();
  private final ObservableList<String> profiles = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
  private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(Step.SERVICE);
  private final BooleanProperty busy = new SimpleBooleanProperty();

  public EnrollmentViewModel(
      Enrollment enrollment,
      TaskExecutor tasks,
      Messages messages,
      List<String> printerProfiles,
      Consumer<String> onDone) {
    this.enrollment = enrollment;
    this.tasks = tasks;
    this.messages = messages;
    messages.follow(message);
    this.onDone = onDone;
    profiles.setAll(printerProfiles);
    profile.set(printerProfiles.isEmpty() ? null : printerProfiles.get(0));
  }

  public StringProperty urlProperty() {
    return url;
  }

  public StringProperty codeProperty() {
    return code;
  }

  public StringProperty printerProperty() {
    return printer;
  }

  public ObjectProperty<String> profileProperty() {
    return profile;
  }

  public ObservableList<String> profiles() {
    return profiles;
  }

  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<Step> stepProperty() {
    return step.getReadOnlyProperty();
  }

  public BooleanProperty busyProperty() {
    return busy;
  }

  /** Checks that the service answers. */
  public void test() {
    URI service = service();
    if (service == null) {
      return;
    }
    busy.set(true);
    message.set(messages.get("enroll.testing"));
    tasks.submit(
        () -> enrollment.reachable(service),
        ok -> {
          busy.set(false);
          message.set(messages.get(ok ? "enroll.reachable" : "enroll.unreachable"));
        },
        e -> {
          busy.set(false);
          message.set(messages.get("enroll.unreachable"));
        });
  }

  /** Enrolls; on success the devices step follows. */
  public void enroll() {
    URI service = service();
    if (service == null) {
      return;
    }
    if (code.get().isBlank()) {
      message.set(messages.get("enroll.code.missing"));
      return;
    }
    busy.set(true);
    message.set(messages.get("enroll.enrolling"));
    String typed = code.get().strip().toUpperCase(java.util.Locale.ROOT);
    tasks.submit(
        () -> {
          enrollment.enroll(
              service,
              typed,
              applied -> tasks.ui(() -> message.set(messages.get("enroll.catalogue", applied))));
          return null;
        },
        done -> {
          busy.set(false);
          message.set(messages.get("enroll.enrolled"));
          step.set(Step.DEVICES);
        },
        e -> {
          busy.set(false);
          message.set(messages.get("enroll.refused", e.getMessage() == null ? "" : e.getMessage()));
        });
  }

  /** Keeps the printer chosen (or the virtual one when skipped) and finishes. */
  public void finish(boolean skipDevices) {
    String uri = skipDevices ? "sim:printer" : printer.get().strip();
    String chosen = profile.get();
    busy.set(true);
    tasks.submit(
        () -> {
          enrollment.devices(uri, chosen);
          return null;
        },
        done -> {
          busy.set(false);
          step.set(Step.DONE);
          onDone.accept(uri);
        },
        e -> {
          busy.set(false);
          message.set(
              messages.get("enroll.devices.invalid", e.getMessage() == null ? "" : e.getMessage()));
        });
  }

  private URI service() {
    try {
      URI u = URI.create(url.get().strip());
      if (u.getHost() == null || !("http".equals(u.getScheme()) || "https".equals(u.getScheme()))) {
        throw new IllegalArgumentException("no host");
      }
      return u;
    } catch (IllegalArgumentException e) {
      message.set(messages.get("enroll.url.invalid"));
      return null;
    }
  }
}
