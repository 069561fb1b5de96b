package io.kasa.terminal.sale;

import io.kasa.terminal.ui.Banner;
import java.util.UUID;

/**
 * Each employee's sale in progress, kept in the {@link SaleJournal} after every change: it survives
 * their sign-out, a colleague's sign-in, the automatic lock and a restart, and comes back when they
 * sign in again.
 */
final class OpenCarts {

  private final SaleSession session;
  private final SaleJournal journal;

  /** Who the cart on the counter belongs to; null before the first sign-in and while switching. */
  private SaleJournal.Employee employee;

  OpenCarts(SaleSession session, SaleJournal journal) {
    this.session = session;
    this.journal = journal;
    session.onChange(this::keep);
  }

  SaleJournal.Employee employee() {
    return employee;
  }

  private void keep() {
    if (employee == null) {
      return;
    }
    switch (session.phase.get()) {
      case CART -> journal.saveOpen(employee, session.sale());
      case DONE -> journal.discardOpen(employee);
      case PAYMENT -> {
        // The lines cannot change while paying: what was kept on the way in stands.
      }
    }
  }

  /**
   * {@code id} signed in: their own cart stays on the counter; anyone else's is already kept and
   * gives way to the cart this employee left, or a fresh one.
   */
  void signedIn(UUID id, String name) {
    SaleJournal.Employee who = new SaleJournal.Employee(id, name);
    // What was said to the one before is not for whoever signs in now.
    session.banner.set(null);
    if (employee != null && employee.id().equals(id)) {
      employee = who;
      if (session.phase.get() == SaleViewModel.Phase.DONE) {
        session.newSale();
      }
      return;
    }
    if (session.phase.get() == SaleViewModel.Phase.PAYMENT && !session.sale().tenders().isEmpty()) {
      // Part of it is paid (a card approved): it stays on the counter to be finished, and is no
      // longer kept for whoever started it, so it cannot come back to them once paid.
      if (employee != null) {
        journal.discardOpen(employee);
      }
      employee = who;
      return;
    }
    if (session.phase.get() == SaleViewModel.Phase.PAYMENT && session.sale().tenders().isEmpty()) {
      session.sale().backToCart();
      session.phase.set(SaleViewModel.Phase.CART);
    }
    employee = null;
    session.newSale();
    session.tasks.submit(
        () -> journal.open(who),
        kept -> {
          employee = who;
          if (kept.isPresent()) {
            session.use(kept.get());
            session.show(
                Banner.Kind.INFO,
                session.messages.get("sale.resumed", kept.get().activeLines().size()));
          } else {
            keep();
          }
        },
        e -> {
          employee = who;
          session.show(Banner.Kind.ERROR, session.messages.get("sale.keptFailed"));
        });
  }
}
