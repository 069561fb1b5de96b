package io.kasa.terminal.host;

import io.kasa.api.floor.CheckDto;
import io.kasa.api.floor.SplitRequest;
import io.kasa.api.floor.TableDto;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The selected table's bill: the pre-bill printed (and the check marked pre-billed), and the check
 * split by seat, by the items chosen, or into equal parts.
 */
public final class CheckBill {

  private final HostViewModel vm;
  private final HostStand stand;

  CheckBill(HostViewModel vm, HostStand stand) {
    this.vm = vm;
    this.stand = stand;
  }

  /** Prints the pre-bill of the selected table's check and marks it pre-billed. */
  public void prebill() {
    Optional<CheckDto> c = vm.checkToChange();
    if (c.isEmpty()) {
      return;
    }
    CheckDto check = c.get();
    String tableName = vm.selectedTable().map(TableDto::name).orElse("");
    vm.run(
        () -> {
          CheckDto marked = stand.prebill(check.id(), check.version());
          stand.printPrebill(marked, tableName);
          return marked;
        },
        done -> vm.info("host.prebilled", check.number()));
  }

  /** Moves the items of {@code seat} to a check of their own. */
  public void splitBySeat(int seat) {
    split(
        check -> new SplitRequest("SEAT", check.version(), seat, null, UUID.randomUUID(), null),
        "host.splitSeat",
        seat);
  }

  /** Moves the chosen items to a check of their own. */
  public void splitItems(List<UUID> lineIds) {
    if (lineIds.isEmpty()) {
      vm.warn("host.chooseItems");
      return;
    }
    List<UUID> ids = List.copyOf(lineIds);
    split(
        check -> new SplitRequest("ITEMS", check.version(), null, ids, UUID.randomUUID(), null),
        "host.splitItems",
        ids.size());
  }

  /** Splits the selected table's check into {@code ways} equal parts. */
  public void splitEvenly(int ways) {
    split(
        check -> new SplitRequest("EVEN", check.version(), null, null, null, ways),
        "host.splitEven",
        ways);
  }

  private void split(
      java.util.function.Function<CheckDto, SplitRequest> request, String done, Object detail) {
    vm.checkToChange()
        .ifPresent(
            check ->
                vm.run(
                    () -> stand.split(check.id(), request.apply(check)),
                    r -> vm.info(done, detail)));
  }
}
