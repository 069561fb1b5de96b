-- Sales in progress kept on the terminal so none is lost: each employee's open cart (parked_at is
-- null; at most one per employee) and the parked sales, listed with time, employee and total.
-- body is the cart as the register wrote it (JSON); it never leaves the terminal.
create table cart (
  sale_id       text primary key,
  employee_id   text not null,
  employee_name text not null,
  total         integer not null,
  saved_at      text not null,
  parked_at     text,
  body          text not null
);
create unique index cart_open_per_employee on cart (employee_id) where parked_at is null;
create index cart_parked on cart (parked_at) where parked_at is not null;
