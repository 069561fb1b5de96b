-- A shift's X and Z reports add up its till's sales by the time they were paid (issue 24, ADR 0038).
-- They used to join each sale's lines, taxes and tenders by the sale's key: a random UUID, so with
-- millions of sales every one of a shift's few hundred sales cost an index descent and a heap page
-- per child table, scattered over the whole history (2x slower at 4 million sales). Each sale now
-- carries its own tallies, written by the same statement that writes it, and the reports read only
-- the shift's sale rows through sale_by_terminal_paid.
--   voided_lines: its lines voided before payment;
--   tender_sums:  amount per tender type, {"CASH": 1000, "CARD": 2500};
--   tax_sums:     per tax class and rate, [{"class": "VAT20", "rate": 20, "net": .., "tax": .., "gross": ..}].
alter table sale
  add column voided_lines int not null default 0 check (voided_lines >= 0),
  add column tender_sums jsonb not null default '{}',
  add column tax_sums jsonb not null default '[]';

update sale s set
  voided_lines = (select count(*) from sale_line l
                  where l.organisation_id = s.organisation_id and l.sale_id = s.id and l.voided),
  tender_sums = coalesce((select jsonb_object_agg(q.type, q.amount) from
                           (select t.type, sum(t.amount) as amount from tender t
                            where t.organisation_id = s.organisation_id and t.sale_id = s.id
                            group by t.type) q), '{}'),
  tax_sums = coalesce((select jsonb_agg(jsonb_build_object('class', x.tax_class, 'rate', x.rate,
                         'net', x.net, 'tax', x.tax, 'gross', x.gross) order by x.tax_class)
                       from sale_tax x
                       where x.organisation_id = s.organisation_id and x.sale_id = s.id), '[]');

-- Every writer says them from now on: a sale written without its tallies is refused, not
-- silently counted as empty.
alter table sale
  alter column voided_lines drop default,
  alter column tender_sums drop default,
  alter column tax_sums drop default;
