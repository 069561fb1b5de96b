package io.kasa.terminal.host;

import io.kasa.api.floor.PartyDto;
import io.kasa.api.floor.PartyRequest;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The waitlist's actions: a walk-in party added (and quoted a wait) or a reservation booked, and a
 * party notified, marked a no-show or cancelled. Each names the version the host saw.
 */
public final class Waitlist {

  private final HostViewModel vm;
  private final HostStand stand;

  Waitlist(HostViewModel vm, HostStand stand) {
    this.vm = vm;
    this.stand = stand;
  }

  /**
   * Adds a walk-in party (reservedFor null) or books a reservation; {@code added} runs once the
   * service has it (the form keeps what was typed until then).
   */
  public void addParty(
      String name,
      int size,
      String phone,
      String notes,
      Instant reservedFor,
      UUID forTable,
      Runnable added) {
    if (!vm.writable()) {
      return;
    }
    if (name == null || name.isBlank() || size < 1) {
      vm.warn("host.partyIncomplete");
      return;
    }
    PartyRequest r =
        new PartyRequest(
            UUID.randomUUID(),
            name.strip(),
            size,
            HostViewModel.blank(phone),
            HostViewModel.blank(notes),
            reservedFor,
            forTable);
    vm.run(
        () -> stand.addParty(r),
        p -> {
          added.run();
          vm.partyProperty().set(p.id());
          if (p.reservedFor() != null) {
            vm.info("host.booked", p.name());
          } else if (p.quotedMinutes() == null) {
            vm.warn("host.noTableFits", p.name(), p.size());
          } else {
            vm.info("host.quoted", p.name(), p.quotedMinutes());
          }
        });
  }

  public void notifyParty() {
    status("NOTIFIED", "host.notified");
  }

  public void noShow() {
    status("NO_SHOW", "host.noShow");
  }

  public void cancelParty() {
    status("CANCELLED", "host.cancelled");
  }

  private void status(String status, String done) {
    Optional<PartyDto> p = vm.selectedParty();
    if (p.isEmpty()) {
      vm.warn("host.chooseParty");
      return;
    }
    if (!vm.writable()) {
      return;
    }
    PartyDto of = p.get();
    vm.run(
        () -> stand.partyStatus(of.id(), status, of.version()),
        changed -> vm.info(done, of.name()));
  }

  /** Tells the host the reservation time is not HH:mm. */
  public void warnTimeFormat() {
    vm.warn("host.timeFormat");
  }
}
