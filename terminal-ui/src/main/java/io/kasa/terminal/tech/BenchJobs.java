package io.kasa.terminal.tech;

import io.kasa.print.ReceiptPdf;
import io.kasa.terminal.devices.SentJob;
import io.kasa.terminal.i18n.Messages;
import io.kasa.terminal.task.TaskExecutor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The jobs the bench sent this session, newest first, and the chosen one's bytes read back as its
 * printer reads them, or as a hex dump. Each job is also kept beside the receipts, as the register
 * keeps what it prints: its bytes ({@code test-page-20261204-091502.escpos}) and, when it prints
 * text, a PDF of the same lines.
 */
public final class BenchJobs {

  /** How many of this session's jobs the list keeps. */
  static final int KEPT = 50;

  private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

  private final TaskExecutor tasks;
  private final Messages messages;
  private final Path folder;
  private final Consumer<String> note;
  private final ObservableList<SentJob> jobs = FXCollections.observableArrayList();
  private final ObjectProperty<SentJob> selected = new SimpleObjectProperty<>();
  private final ObservableList<String> decoded = FXCollections.observableArrayList();
  private final ObservableList<String> hex = FXCollections.observableArrayList();
  private final BooleanProperty showHex = new SimpleBooleanProperty();

  /**
   * @param folder where the jobs are kept (the receipts folder)
   * @param note where to say that a job could not be kept (the diagnostics log)
   */
  BenchJobs(TaskExecutor tasks, Messages messages, Path folder, Consumer<String> note) {
    this.tasks = tasks;
    this.messages = messages;
    this.folder = folder;
    this.note = note;
    selected.addListener((o, was, now) -> read());
    messages.localeProperty().addListener((o, was, now) -> read());
  }

  /** This session's jobs, newest first. */
  public ObservableList<SentJob> jobs() {
    return jobs;
  }

  /** The job whose bytes are shown. */
  public ObjectProperty<SentJob> selectedProperty() {
    return selected;
  }

  /** The chosen job's commands and text, a line each. */
  public ObservableList<String> decoded() {
    return decoded;
  }

  /** The chosen job's bytes as offset, hex and ASCII. */
  public ObservableList<String> hex() {
    return hex;
  }

  /** Whether the hex dump is shown rather than the commands. */
  public BooleanProperty showHexProperty() {
    return showHex;
  }

  /** A job in the list: what, when, to which device, how many bytes. */
  public String describe(SentJob job) {
    return messages.get(
        "tech.job.line",
        messages.get("tech.job." + job.kind().file()),
        TIME.withZone(ZoneId.systemDefault()).format(job.at()),
        job.device(),
        job.size());
  }

  /** A job the bench just sent (on the UI thread): listed, chosen, and kept in the folder. */
  void sent(SentJob job) {
    jobs.add(0, job);
    if (jobs.size() > KEPT) {
      jobs.remove(KEPT, jobs.size());
    }
    selected.set(job);
    tasks.submit(
        () -> keep(job),
        file -> {},
        e -> note.accept(messages.get("tech.job.notKept", String.valueOf(e.getMessage()))));
  }

  private void read() {
    SentJob job = selected.get();
    decoded.setAll(job == null ? List.of() : JobDecoding.commands(job, messages));
    hex.setAll(job == null ? List.of() : JobDecoding.hex(job.bytes()));
  }

  /** Writes the job's bytes, and its lines as a PDF when it prints any; answers the bytes' file. */
  Path keep(SentJob job) throws IOException {
    Files.createDirectories(folder);
    String base =
        job.kind().file() + "-" + FILE_TIME.withZone(ZoneId.systemDefault()).format(job.at());
    String name = base;
    for (int n = 2; Files.exists(folder.resolve(name + ".escpos")); n++) {
      name = base + "-" + n;
    }
    Path bytes = folder.resolve(name + ".escpos");
    Files.write(bytes, job.bytes());
    if (!job.lines().isEmpty()) {
      ReceiptPdf.write(job.lines(), job.profile().columnsFontA(), folder.resolve(name + ".pdf"));
    }
    return bytes;
  }
}
