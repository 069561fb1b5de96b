package io.kasa.terminal.host;

import io.kasa.api.floor.TableDto;
import java.util.Optional;
import java.util.UUID;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * Laying out the floor on the stand (managers, Ctrl+E): tables added, changed, dragged, nudged and
 * taken off, areas added. Every change names the version seen, as the stand's other changes do.
 */
public final class FloorEditor {

  private final HostViewModel vm;
  private final HostStand stand;
  private final boolean canEditFloor;
  private final BooleanProperty editing = new SimpleBooleanProperty();

  FloorEditor(HostViewModel vm, HostStand stand, boolean canEditFloor) {
    this.vm = vm;
    this.stand = stand;
    this.canEditFloor = canEditFloor;
  }

  public boolean canEditFloor() {
    return canEditFloor;
  }

  /** Whether taps and drags lay the floor out instead of seating (Ctrl+E). */
  public ReadOnlyBooleanProperty editingProperty() {
    return editing;
  }

  public void toggleEditing() {
    if (!canEditFloor) {
      vm.warn("host.edit.managers");
      return;
    }
    editing.set(!editing.get());
    vm.cancelMode();
    vm.info(editing.get() ? "host.edit.on" : "host.edit.off");
  }

  /** Adds a table to the current area, near its top left corner. */
  public void addTable(String name, int seats, String shape) {
    UUID inArea = vm.areaProperty().get();
    if (!editing.get() || inArea == null || !vm.writable()) {
      return;
    }
    UUID id = UUID.randomUUID();
    io.kasa.api.floor.TableRequest r =
        new io.kasa.api.floor.TableRequest(inArea, name, seats, shape, 20, 20, 140, 140, null);
    vm.run(
        () -> stand.putTable(id, r),
        t -> {
          vm.tableProperty().set(t.id());
          vm.info("host.edit.added", t.name());
        });
  }

  /** Renames the selected table, or changes its seats or shape (blank or 0: unchanged). */
  public void changeTable(String name, int seats, String shape) {
    Optional<TableDto> t = vm.selectedTable();
    if (!editing.get() || t.isEmpty() || !vm.writable()) {
      vm.warn("host.chooseTable");
      return;
    }
    TableDto at = t.get();
    io.kasa.api.floor.TableRequest r =
        new io.kasa.api.floor.TableRequest(
            at.areaId(),
            name == null || name.isBlank() ? at.name() : name.strip(),
            seats > 0 ? seats : at.seats(),
            shape == null ? at.shape() : shape,
            at.x(),
            at.y(),
            at.width(),
            at.height(),
            at.version());
    vm.run(
        () -> stand.putTable(at.id(), r), changed -> vm.info("host.edit.changed", changed.name()));
  }

  /** Moves the selected table on the plan to ({@code x}, {@code y}), kept inside the plan. */
  public void placeTable(UUID id, int x, int y) {
    Optional<TableDto> t = vm.floorNow() == null ? Optional.empty() : vm.floorNow().table(id);
    if (!editing.get() || t.isEmpty() || !vm.writable()) {
      return;
    }
    TableDto at = t.get();
    int nx = Math.max(0, Math.min(1000 - at.width(), x));
    int ny = Math.max(0, Math.min(1000 - at.height(), y));
    if (nx == at.x() && ny == at.y()) {
      return;
    }
    io.kasa.api.floor.TableRequest r =
        new io.kasa.api.floor.TableRequest(
            at.areaId(),
            at.name(),
            at.seats(),
            at.shape(),
            nx,
            ny,
            at.width(),
            at.height(),
            at.version());
    vm.run(() -> stand.putTable(at.id(), r), moved -> {});
  }

  /** Nudges the selected table by ({@code dx}, {@code dy}) plan units (arrow keys). */
  public void nudge(int dx, int dy) {
    vm.selectedTable().ifPresent(t -> placeTable(t.id(), t.x() + dx, t.y() + dy));
  }

  /** Takes the selected (free) table off the plan. */
  public void removeTable() {
    Optional<TableDto> t = vm.selectedTable();
    if (!editing.get() || t.isEmpty() || !vm.writable()) {
      return;
    }
    TableDto at = t.get();
    vm.run(
        () -> {
          stand.removeTable(at.id(), at.version());
          return at;
        },
        gone -> {
          vm.tableProperty().set(null);
          vm.info("host.edit.removed", gone.name());
        });
  }

  /** Adds an area after the others. */
  public void addArea(String name) {
    if (!editing.get() || name == null || name.isBlank() || !vm.writable()) {
      return;
    }
    int position = vm.floorNow() == null ? 0 : vm.floorNow().floor().areas().size();
    vm.run(
        () ->
            stand.putArea(
                UUID.randomUUID(), new io.kasa.api.floor.AreaRequest(name.strip(), position, null)),
        a -> {
          vm.areaProperty().set(a.id());
          vm.info("host.edit.areaAdded", a.name());
        });
  }
}
