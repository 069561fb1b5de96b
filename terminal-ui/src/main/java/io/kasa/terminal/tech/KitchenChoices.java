package io.kasa.terminal.tech;

import io.kasa.api.kitchen.KitchenStationDto;
import io.kasa.terminal.devices.DeviceSettings;
import io.kasa.terminal.i18n.Messages;
import io.kasa.terminal.task.TaskExecutor;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The kitchen stations a technician ticks for this register's kitchen printer (ADR 0057): the
 * store's stations as the service lists them ({@code GET /v1/kitchen/stations}), then any saved id
 * the service does not have (so it can be unticked). Ticking edits the draft's {@code
 * kitchen-stations}, in the service's order; none ticked means this register prints no kitchen
 * tickets, and the note under the choices says so.
 */
public final class KitchenChoices {

  /**
   * A station to tick.
   *
   * @param id its id on the service
   * @param name its name, or null when the service does not have it
   */
  public record Station(String id, String name) {}

  private final StringProperty field;
  private final TaskExecutor tasks;
  private final Messages messages;
  private final ObservableList<Station> stations = FXCollections.observableArrayList();
  private final StringProperty note = new SimpleStringProperty("");
  private List<KitchenStationDto> fromService = List.of();
  private String unreachable;
  private Callable<List<KitchenStationDto>> source = List::of;

  KitchenChoices(StringProperty field, TaskExecutor tasks, Messages messages) {
    this.field = field;
    this.tasks = tasks;
    this.messages = messages;
    messages.follow(note);
    field.addListener((o, was, now) -> refresh());
  }

  /** Where the store's stations are read from (the service, through the terminal's client). */
  void source(Callable<List<KitchenStationDto>> source) {
    this.source = source;
  }

  /** Reads the stations again; the saved ones show while the service is asked. */
  public void load() {
    unreachable = null;
    refresh();
    note.set(messages.get("tech.kitchenStations.loading"));
    tasks.submit(
        source,
        list -> {
          fromService = List.copyOf(list);
          refresh();
        },
        e -> {
          Throwable cause = e.getCause() != null ? e.getCause() : e;
          unreachable = String.valueOf(cause.getMessage());
          refresh();
        });
  }

  /** The stations to tick, the service's first. */
  public ObservableList<Station> stations() {
    return stations;
  }

  /** What to say under the choices: none ticked, the service unreachable, or nothing. */
  public ReadOnlyStringProperty noteProperty() {
    return note;
  }

  public boolean ticked(String id) {
    return DeviceSettings.stationIds(field.get() == null ? "" : field.get()).contains(id);
  }

  /** Ticks or unticks {@code id} in the draft. */
  public void tick(String id, boolean on) {
    Set<String> chosen =
        new LinkedHashSet<>(DeviceSettings.stationIds(field.get() == null ? "" : field.get()));
    if (on) {
      chosen.add(id);
    } else {
      chosen.remove(id);
    }
    List<String> ordered = new ArrayList<>();
    for (Station s : stations) {
      if (chosen.remove(s.id())) {
        ordered.add(s.id());
      }
    }
    ordered.addAll(chosen);
    field.set(String.join(",", ordered));
  }

  private void refresh() {
    List<Station> next = new ArrayList<>();
    Set<String> known = new LinkedHashSet<>();
    for (KitchenStationDto s : fromService) {
      next.add(new Station(s.id(), s.name()));
      known.add(s.id());
    }
    for (String id : DeviceSettings.stationIds(field.get() == null ? "" : field.get())) {
      if (!known.contains(id)) {
        next.add(new Station(id, null));
      }
    }
    if (!next.equals(stations)) {
      stations.setAll(next);
    }
    if (unreachable != null) {
      note.set(messages.get("tech.kitchenStations.unreachable", unreachable));
    } else if (DeviceSettings.stationIds(field.get() == null ? "" : field.get()).isEmpty()) {
      note.set(messages.get("tech.kitchenStations.none"));
    } else {
      note.set("");
    }
  }
}
