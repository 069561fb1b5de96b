-- A receipt number belongs to the terminal whose store and terminal codes it carries, and the
-- service refuses any other (ADR 0019). The database says the same: a number is unique on its
-- terminal, so a number another terminal recorded before that check (a foreign one) no longer
-- keeps the terminal it names from recording its own sale or refund with it. Look-ups find the
-- sale of the terminal the number names.
alter table sale drop constraint sale_organisation_id_receipt_number_key;
alter table sale add constraint sale_receipt_number_on_its_terminal
  unique (organisation_id, terminal_id, receipt_number);

alter table refund drop constraint refund_organisation_id_receipt_number_key;
alter table refund add constraint refund_receipt_number_on_its_terminal
  unique (organisation_id, terminal_id, receipt_number);
