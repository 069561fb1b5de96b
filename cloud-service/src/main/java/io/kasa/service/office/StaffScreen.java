package io.kasa.service.office;

import io.kasa.service.accounts.OfficeAccount;
import io.kasa.service.auth.Role;
import io.kasa.service.staff.Employee;
import io.kasa.service.staff.StaffRules;
import io.kasa.service.staff.StoreRef;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What the staff screen's templates are given: rows, choices and the form, in words. */
public final class StaffScreen {

  private StaffScreen() {}

  /**
   * One employee in the list.
   *
   * @param id the employee
   * @param name their name
   * @param role their role in the page's language
   * @param stores their stores, named
   * @param active whether they may sign in
   */
  public record Row(String id, String name, String role, String stores, boolean active) {}

  /**
   * A choice of a select or a checkbox.
   *
   * @param value what the form sends
   * @param label what the page says
   * @param chosen whether it is selected or ticked
   */
  public record Choice(String value, String label, boolean chosen) {}

  /**
   * The employee's form (new: {@code id} null) or, for an account that may not change them, their
   * facts.
   *
   * @param id the employee, or null for a new one
   * @param name the name as typed
   * @param roles the roles the account may give, the current one chosen
   * @param allStores whether "every store" is ticked
   * @param offerAll whether the account may place someone at every store
   * @param stores the account's stores, those the employee works at ticked
   * @param active whether the employee may sign in (true for a new one)
   * @param changeable whether the account may change them
   * @param reader whether the account only reads (an accountant's)
   * @param facts for reading: role and stores in words
   */
  public record Form(
      String id,
      String name,
      List<Choice> roles,
      boolean allStores,
      boolean offerAll,
      List<Choice> stores,
      boolean active,
      boolean changeable,
      boolean reader,
      Row facts) {

    /** Where the form is sent. */
    public String action() {
      return id == null ? "/office/staff" : "/office/staff/" + id;
    }
  }

  /** The role's name in the page's language. */
  static String role(View v, Role r) {
    return v.t("staff.role." + r.name());
  }

  /** The employee's stores as the page says them: every store, or their names by code. */
  static String stores(View v, Employee e, List<StoreRef> known) {
    if (e.allStores()) {
      return v.t("staff.allStores");
    }
    Map<UUID, StoreRef> byId =
        known.stream().collect(Collectors.toMap(StoreRef::id, Function.identity()));
    String named =
        e.stores().stream()
            .map(byId::get)
            .filter(java.util.Objects::nonNull)
            .map(StoreRef::name)
            .collect(Collectors.joining(", "));
    // Stores outside the account's scope are not named; the account sees that there are some.
    long hidden = e.stores().stream().filter(s -> !byId.containsKey(s)).count();
    return hidden == 0 ? named : v.t("staff.storesElsewhere", named, hidden);
  }

  static Row row(View v, Employee e, List<StoreRef> known) {
    return new Row(e.id().toString(), e.name(), role(v, e.role()), stores(v, e, known), e.active());
  }

  /**
   * The form for {@code e} (null: a new employee) as {@code who} sees it, with what was typed when
   * it comes back with an error.
   */
  static Form form(
      View v,
      OfficeAccount who,
      Employee e,
      List<StoreRef> known,
      String name,
      String role,
      boolean all,
      List<String> ticked) {
    List<Choice> roles =
        StaffRules.rolesFor(who).stream()
            .map(r -> new Choice(r.name(), role(v, r), r.name().equals(role)))
            .toList();
    List<Choice> stores =
        known.stream()
            .map(
                s ->
                    new Choice(
                        s.id().toString(),
                        s.name() + " (" + s.code() + ")",
                        ticked.contains(s.id().toString())))
            .toList();
    return new Form(
        e == null ? null : e.id().toString(),
        name,
        roles,
        all,
        who.stores() == null,
        stores,
        e == null || e.active(),
        e == null ? who.mayChange() : StaffRules.mayChange(who, e),
        !who.mayChange(),
        e == null ? null : row(v, e, known));
  }

  /** The form filled from the employee as stored. */
  static Form form(View v, OfficeAccount who, Employee e, List<StoreRef> known) {
    return form(
        v,
        who,
        e,
        known,
        e.name(),
        e.role().name(),
        e.allStores(),
        e.allStores() ? List.of() : e.stores().stream().map(UUID::toString).toList());
  }
}
