package io.kasa.terminal.app;

import io.kasa.client.terminal.CloudTerminal;
import io.kasa.client.terminal.SignInRefused;
import io.kasa.terminal.i18n.Messages;
import io.kasa.terminal.shift.Shifts;

/** A manager's PIN from the screens to the terminal, and a refusal back in the cashier's words. */
final class ManagerPins {

  private ManagerPins() {}

  /** The PIN keyed in the dialog as the terminal takes it; null stays null (no manager asked). */
  static CloudTerminal.ManagerOverride override(Shifts.ManagerPin pin) {
    return pin == null ? null : new CloudTerminal.ManagerOverride(pin.managerId(), pin.pin());
  }

  /** A PIN not taken, worded; a manager's PIN would do when the one given was not a manager's. */
  static Shifts.Refused refused(SignInRefused e, Messages messages) {
    return new Shifts.Refused(
        messages.get(
            switch (e.reason()) {
              case LOCKED_OUT -> "signin.locked";
              case NOT_A_MANAGER -> "manager.needed";
              case WRONG_PIN, UNKNOWN_EMPLOYEE -> "signin.wrong";
            }),
        e.reason() == SignInRefused.Reason.NOT_A_MANAGER);
  }
}
