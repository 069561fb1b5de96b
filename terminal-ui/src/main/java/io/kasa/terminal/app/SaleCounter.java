package io.kasa.terminal.app;

import io.kasa.api.terminal.DiscountLimits;
import io.kasa.api.terminal.StaffMember;
import io.kasa.api.terminal.StoreIdentityDto;
import io.kasa.api.terminal.StoreSettings;
import io.kasa.api.terminal.TerminalConfig;
import io.kasa.client.terminal.CloudTerminal;
import io.kasa.client.terminal.SignInRefused;
import io.kasa.domain.receipt.StoreIdentity;
import io.kasa.domain.receipt.StoreProfile;
import io.kasa.terminal.checkout.JournalCheckout;
import io.kasa.terminal.checkout.Printouts;
import io.kasa.terminal.devices.DeviceChoice;
import io.kasa.terminal.i18n.Messages;
import io.kasa.terminal.sale.Discounts;
import io.kasa.terminal.sale.RepeatedItems;
import io.kasa.terminal.sale.SaleJournal;
import io.kasa.terminal.sale.SaleViewModel;
import io.kasa.terminal.task.TaskExecutor;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The sale screen's model wired to the terminal: its catalogue, checkout, card reader, approvals.
 */
final class SaleCounter {

  private SaleCounter() {}

  static SaleViewModel create(
      CloudTerminal terminal,
      ReplicaCatalog catalog,
      Printouts printouts,
      Runnable cashDrawer,
      Supplier<JournalCheckout.Cashier> cashier,
      Messages messages,
      TaskExecutor tasks,
      Clock clock) {
    JournalCheckout checkout =
        new JournalCheckout(
            terminal,
            printouts,
            cashDrawer,
            () -> storeProfile(terminal, messages),
            cashier,
            clock);
    SaleViewModel sale =
        new SaleViewModel(
            catalog,
            checkout,
            tasks,
            messages,
            terminal::salePolicy,
            Locale.forLanguageTag(terminal.config().store().locale()),
            clock,
            new SaleJournal(terminal.carts(), terminal::salePolicy));
    sale.cardReader(DeviceChoice.cardReader(terminal));
    sale.cart()
        .joinRepeatsProperty()
        .set(
            RepeatedItems.of(terminal.setting(RepeatedItems.SETTING).orElse(""))
                == RepeatedItems.JOIN);
    sale.cart().labels(() -> StoreLabels.parser(terminal.config().store()));
    sale.priceOverrides(
        manager -> {
          try {
            return terminal.approvePriceOverride(ManagerPins.override(manager)).approvalId();
          } catch (SignInRefused e) {
            throw ManagerPins.refused(e, messages);
          }
        },
        () -> new BigDecimal(terminal.config().store().priceOverrideLimit()));
    sale.discounts().use(discountApprovals(terminal, messages), discountLimits(terminal, cashier));
    // As last synced: a change of the store's tip rules reaches the till live (ADR 0028, 0054).
    sale.tipRules(
        () -> io.kasa.api.terminal.TipRulesDto.toDomain(terminal.config().store().tips()));
    return sale;
  }

  /** A manager's PIN checked on the terminal; their role gives how far they may discount. */
  private static Discounts.Approvals discountApprovals(CloudTerminal terminal, Messages messages) {
    return manager -> {
      try {
        StaffMember m = terminal.approveDiscount(ManagerPins.override(manager));
        return new Discounts.Approver(
            m.id(), DiscountLimits.of(terminal.config().discountLimits(), m.role()));
      } catch (SignInRefused e) {
        throw ManagerPins.refused(e, messages);
      }
    };
  }

  /** The store's limits as last synced: they change with the configuration, live (ADR 0028). */
  private static Discounts.Limits discountLimits(
      CloudTerminal terminal, Supplier<JournalCheckout.Cashier> cashier) {
    return new Discounts.Limits() {
      @Override
      public BigDecimal own() {
        TerminalConfig config = terminal.config();
        JournalCheckout.Cashier who = cashier.get();
        String role =
            config.staff().stream()
                .filter(s -> who != null && s.id().equals(who.id()))
                .map(StaffMember::role)
                .findFirst()
                .orElse("CASHIER");
        return DiscountLimits.of(config.discountLimits(), role);
      }

      @Override
      public BigDecimal managers() {
        return DiscountLimits.managers(terminal.config().discountLimits());
      }
    };
  }

  /** The store as its receipts show it: its name, then its legal identity (ADR 0030). */
  static StoreProfile storeProfile(CloudTerminal terminal, Messages messages) {
    StoreSettings s = terminal.config().store();
    StoreIdentityDto i = s.identity();
    StoreIdentity identity =
        i == null
            ? StoreIdentity.NONE
            : new StoreIdentity(
                i.legalName(), i.address(), i.taxId(), i.vatNumber(), i.header(), i.footer());
    // The closing words come with the receipt's kind, in its language (sale or refund).
    return StoreProfile.of(
        s.name(), identity, Locale.forLanguageTag(s.locale()), s.zone(), s.publicAddress());
  }
}
