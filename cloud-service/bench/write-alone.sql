-- Prints a pgbench script that writes :n copies of a sale recorded by the load benchmark (its
-- lines, tax lines, tenders and stock moves; an online sale has no audit entry) in one statement
-- shaped as the service's write (SaleWriter.RECORD_SALES): what PostgreSQL alone can do with a
-- sale's write.
select format($q$with s as (insert into sale (organisation_id, id, store_id, terminal_id, employee_id,
 receipt_number, currency, state, offline, opened_at, paid_at, recorded_at, subtotal, discounts, tax, total,
 cash_rounding, change_given, request_hash, request, response)
 select %L::uuid, v.id, %L::uuid, %L::uuid, %L::uuid, 'W-' || v.id, %L, %L, false, now(), now(), now(),
 %s, %s, %s, %s, %s, %s, %L::bytea, %L::jsonb, %L::jsonb from (select gen_random_uuid() as id
 from generate_series(1, %s)) v on conflict do nothing returning organisation_id, id),
l as (insert into sale_line (organisation_id, sale_id, number, item_id, name, quantity, unit_price, gross,
 line_discount, order_discount, amount, tax, tax_class, override_reason, voided)
 select s.organisation_id, s.id, u.* from s, unnest(%L::int[], %L::text[], %L::text[], %L::numeric[],
 %L::bigint[], %L::bigint[], %L::bigint[], %L::bigint[], %L::bigint[], %L::bigint[], %L::text[],
 %L::text[], %L::bool[]) u),
m as (insert into stock_movement (organisation_id, item_id, delta, sale_id)
 select s.organisation_id, u.item, u.delta, s.id from s, unnest(%L::text[], %L::numeric[]) u(item, delta)),
x as (insert into sale_tax (organisation_id, sale_id, tax_class, rate, net, tax, gross)
 select s.organisation_id, s.id, u.* from s, unnest(%L::text[], %L::numeric[], %L::bigint[], %L::bigint[],
 %L::bigint[]) u),
p as (insert into tender (organisation_id, id, sale_id, type, amount, status, authorisation, reference)
 select s.organisation_id, gen_random_uuid(), s.id, u.type, u.amount, u.status, null, null from s,
 unnest(%L::text[], %L::bigint[], %L::text[]) u(type, amount, status))
select count(*) from s;$q$,
  t.organisation_id, t.store_id, t.terminal_id, t.employee_id, t.currency, t.state,
  t.subtotal, t.discounts, t.tax, t.total, t.cash_rounding, t.change_given, t.request_hash,
  t.request, t.response, :n,
  l.numbers, l.items, l.names, l.quantities, l.prices, l.gross, l.ld, l.od, l.amounts, l.taxes,
  l.classes, l.reasons, l.voided,
  m.items, m.deltas,
  x.classes, x.rates, x.nets, x.taxes, x.grosses,
  p.types, p.amounts, p.statuses)
from (select * from sale where id = (select sale_id from sale_line group by sale_id
      having count(*) = 5 limit 1)) t,
lateral (select array_agg(number order by number) numbers, array_agg(item_id order by number) items,
  array_agg(name order by number) names, array_agg(quantity order by number) quantities,
  array_agg(unit_price order by number) prices, array_agg(gross order by number) gross,
  array_agg(line_discount order by number) ld, array_agg(order_discount order by number) od,
  array_agg(amount order by number) amounts, array_agg(tax order by number) taxes,
  array_agg(tax_class order by number) classes, array_agg(override_reason order by number) reasons,
  array_agg(voided order by number) voided from sale_line where sale_id = t.id) l,
lateral (select array_agg(item_id) items, array_agg(delta) deltas from stock_movement where sale_id = t.id) m,
lateral (select array_agg(tax_class) classes, array_agg(rate) rates, array_agg(net) nets,
  array_agg(tax) taxes, array_agg(gross) grosses from sale_tax where sale_id = t.id) x,
lateral (select array_agg(type) types, array_agg(amount) amounts, array_agg(status) statuses
  from tender where sale_id = t.id) p;
