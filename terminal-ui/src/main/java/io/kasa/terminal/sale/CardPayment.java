package io.kasa.terminal.sale;

import io.kasa.domain.id.TimeOrderedIds;
import io.kasa.domain.money.Money;
import io.kasa.domain.sale.Sale;
import io.kasa.domain.tender.Tender;
import io.kasa.domain.tender.TenderType;
import io.kasa.terminal.ui.Banner;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * F11: a card for the amount typed, or for all that is left to pay; the rest can then be paid by
 * another card or cash (split tender). The reader waits for the card, the service authorises it
 * while the customer waits; offline, the store's offline card rules decide.
 */
public final class CardPayment {

  private final SaleSession session;
  private final Checkout checkout;
  private final Payment payment;
  private final ReadOnlyStringWrapper waiting = new ReadOnlyStringWrapper("");
  private final TipStep tips;
  private CardReader reader = CardReader.NONE;

  CardPayment(SaleSession session, Checkout checkout, Payment payment) {
    this.session = session;
    this.checkout = checkout;
    this.payment = payment;
    this.tips = new TipStep(session);
    session.messages.follow(waiting);
  }

  /** The tip step asked before the card when the store takes tips (ADR 0054). */
  public TipStep tips() {
    return tips;
  }

  /** The counter's card reader (none until one is configured). */
  public void reader(CardReader reader) {
    this.reader = reader;
  }

  public CardReader reader() {
    return reader;
  }

  /** What the reader asks of the customer while it waits for a card; empty otherwise. */
  public ReadOnlyStringProperty waitingProperty() {
    return waiting.getReadOnlyProperty();
  }

  /**
   * Asks the reader for a card for the amount typed, or for what is left to pay; when the store
   * takes tips, the tip step comes first.
   */
  public void card() {
    if (session.phase.get() != SaleViewModel.Phase.PAYMENT
        || session.busy.get()
        || tips.openProperty().get()) {
      return;
    }
    Sale paying = session.sale();
    Money left = paying.amountDue();
    String typed = session.takeEntry();
    Optional<Money> asked =
        typed.isBlank() ? Optional.of(left) : Typed.money(typed, paying.policy().currency());
    if (asked.isEmpty() || asked.get().minor() <= 0) {
      session.show(Banner.Kind.WARNING, session.messages.get("payment.amount.invalid"));
      return;
    }
    Money amount = asked.get();
    if (amount.compareTo(left) > 0) {
      session.show(
          Banner.Kind.WARNING,
          session.messages.get("payment.card.overDue", session.withSymbol(left)));
      return;
    }
    if (tips.wanted()) {
      tips.ask(amount, this::present);
    } else {
      present(amount, Money.zero(amount.currency()));
    }
  }

  /** The reader asks for a card charging {@code amount} and {@code tip} on top. */
  private void present(Money amount, Money tip) {
    Sale paying = session.sale();
    Money charged = amount.plus(tip);
    session.busy.set(true);
    waiting.set(session.messages.get("payment.card.present", session.withSymbol(charged)));
    UUID tenderId = TimeOrderedIds.next();
    reader
        .present(charged)
        .whenComplete(
            (card, failed) ->
                session.tasks.ui(
                    () -> {
                      if (failed instanceof CancellationException) {
                        done(Banner.Kind.INFO, session.messages.get("payment.card.cancelled"));
                      } else if (failed != null) {
                        done(Banner.Kind.WARNING, session.messages.get("payment.card.noReader"));
                      } else {
                        authorise(paying, tenderId, amount, tip, card);
                      }
                    }));
  }

  /** Cancel while the reader waits for the card. */
  public void cancel() {
    if (!waiting.get().isEmpty()) {
      reader.cancel();
    }
  }

  private void authorise(
      Sale paying, UUID tenderId, Money amount, Money tip, CardReader.Presented card) {
    String token = card.token();
    waiting.set(session.messages.get("payment.card.authorising"));
    session.tasks.submit(
        // The processor is asked for the whole charge: the sale's part and the tip.
        () -> checkout.authoriseCard(paying.id(), tenderId, amount.plus(tip), token),
        result -> {
          if (result instanceof Checkout.CardResult.Approved a) {
            done(null, null);
            session.cardOnline = true;
            session.cardTokens.put(tenderId, token);
            payment.tender(
                new Tender(tenderId, TenderType.CARD, amount, a.authorisation(), card.card(), tip));
          } else if (result instanceof Checkout.CardResult.StoredOffline && !session.cardOnline) {
            // Not beside a card approved online: that one must reach the processor as online.
            done(null, null);
            session.cardOffline = true;
            session.cardTokens.put(tenderId, token);
            payment.tender(
                new Tender(
                    tenderId, TenderType.CARD, amount, Tender.OFFLINE_REFERENCE, card.card(), tip));
          } else if (result instanceof Checkout.CardResult.Declined d) {
            done(
                Banner.Kind.WARNING,
                session.messages.get(
                    "payment.card.declined",
                    io.kasa.terminal.i18n.ServiceWords.decline(session.messages, d.reason())));
          } else if (result instanceof Checkout.CardResult.RefusedOffline r) {
            done(
                Banner.Kind.WARNING,
                session.messages.get(
                    "payment.card.offlineRefused",
                    session.messages.get("card.offline." + r.why())));
          } else if (result instanceof Checkout.CardResult.StoredOffline) {
            done(Banner.Kind.WARNING, session.messages.get("payment.card.offlineMixed"));
          } else {
            done(Banner.Kind.WARNING, session.messages.get("payment.card.noAnswer"));
          }
        },
        e -> done(Banner.Kind.ERROR, session.messages.get("payment.card.failed")));
  }

  private void done(Banner.Kind kind, String text) {
    waiting.set("");
    session.busy.set(false);
    if (kind != null) {
      session.show(kind, text);
    }
  }
}
