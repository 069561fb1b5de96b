package io.kasa.terminal.signin;

import io.kasa.terminal.i18n.Messages;
import io.kasa.terminal.task.TaskExecutor;
import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The PIN pad: the PIN alone signs its employee in (ADR 0021); tapping a name first is an option,
 * and nobody is chosen unless tapped, so a colleague's PIN never counts against someone else. The
 * staff in the language's alphabetical order, the PIN's dots, and signing in through the service
 * or, without it, against the verifiers cached on the terminal.
 */
public final class SignInViewModel {

  /** Someone on the staff list. */
  public record Person(UUID id, String name, String role) {}

  /** Who signed in, and whether the service confirmed it. */
  public record SignedIn(Person person, boolean offline) {}

  /**
   * Checks a PIN for the chosen person, or, with {@code person} null, finds whose PIN it is; throws
   * {@link Refused} with a message for the cashier when it is not taken.
   */
  @FunctionalInterface
  public interface Authenticator {
    SignedIn signIn(Person person, String pin) throws Refused;
  }

  /** A PIN not taken, with the words to show. */
  public static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    public Refused(String message) {
      super(message);
    }
  }

  static final int MAX_PIN = 12;
  static final int MIN_PIN = 4;

  private final Authenticator authenticator;
  private final TaskExecutor tasks;
  private final Messages messages;
  private final Consumer<SignedIn> onSignedIn;
  private final ObservableList<Person> staff = FXCollections.observableArrayList();
  private final ObjectProperty<Person> chosen = new SimpleObjectProperty<>();
  private final ReadOnlyStringWrapper dots = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
  private final BooleanProperty busy = new SimpleBooleanProperty();
  private final StringBuilder pin = new StringBuilder();

  public SignInViewModel(
      Authenticator authenticator,
      TaskExecutor tasks,
      Messages messages,
      Consumer<SignedIn> onSignedIn) {
    this.authenticator = authenticator;
    this.tasks = tasks;
    this.messages = messages;
    messages.follow(error);
    this.onSignedIn = onSignedIn;
  }

  public ObservableList<Person> staff() {
    return staff;
  }

  /**
   * The staff, sorted by the collation of the language their names are written in, the store's
   * (Ukrainian: Андрій before Ірина), whatever language the register shows.
   */
  public void staff(List<Person> people, java.util.Locale names) {
    Collator collator = Collator.getInstance(names);
    staff.setAll(people.stream().sorted(Comparator.comparing(Person::name, collator)).toList());
    if (chosen.get() != null && !staff.contains(chosen.get())) {
      chosen.set(null);
    }
  }

  public ObjectProperty<Person> chosenProperty() {
    return chosen;
  }

  /** One dot per digit typed: the PIN itself is never shown or kept in a property. */
  public ReadOnlyStringProperty dotsProperty() {
    return dots.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty errorProperty() {
    return error.getReadOnlyProperty();
  }

  public BooleanProperty busyProperty() {
    return busy;
  }

  /** Taps a name: the PIN is then checked as theirs (null: whoever's PIN it is). */
  public void choose(Person person) {
    chosen.set(person);
    clear();
  }

  /** A scan at the PIN pad: it is no PIN, and the pad says where scans go. */
  public void scanNotHere() {
    error.set(messages.get("signin.scanNotHere"));
  }

  /**
   * What the keyboard sent as a scan, if it is a PIN typed fast (digits only, of a PIN's length,
   * from the keyboard rather than a scanner): taken as typed and submitted. Answers whether it was.
   */
  public boolean typedFast(String source, String text) {
    if (!"keyboard".equals(source)
        || text.length() < MIN_PIN
        || text.length() > MAX_PIN
        || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return false;
    }
    text.chars().forEach(c -> digit((char) c));
    submit();
    return true;
  }

  /** Forgets the chosen name and the PIN typed: the pad as a newcomer finds it. */
  public void reset() {
    chosen.set(null);
    clear();
  }

  public void digit(char d) {
    if (d >= '0' && d <= '9' && pin.length() < MAX_PIN && !busy.get()) {
      pin.append(d);
      dots.set("•".repeat(pin.length()));
      error.set("");
    }
  }

  public void backspace() {
    if (pin.length() > 0) {
      pin.setLength(pin.length() - 1);
      dots.set("•".repeat(pin.length()));
    }
  }

  public void clear() {
    pin.setLength(0);
    dots.set("");
    error.set("");
  }

  /** Enter: checks the PIN off the UI thread; the pad clears whatever the outcome. */
  public void submit() {
    Person person = chosen.get();
    if (busy.get()) {
      return;
    }
    if (pin.length() < MIN_PIN) {
      error.set(messages.get("signin.short"));
      return;
    }
    String typed = pin.toString();
    clear();
    busy.set(true);
    tasks.submit(
        () -> authenticator.signIn(person, typed),
        signedIn -> {
          busy.set(false);
          chosen.set(null);
          onSignedIn.accept(signedIn);
        },
        e -> {
          busy.set(false);
          error.set(e instanceof Refused ? e.getMessage() : messages.get("signin.failed"));
        });
  }
}
