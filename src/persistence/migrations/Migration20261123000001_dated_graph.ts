import { Migration } from '@mikro-orm/migrations';

/**
 * The dated graph and the bank's books, one table per interchange file.
 * Amounts, rates and percentages are `numeric` (never float). Every dated row carries a
 * generated `validity` daterange `[valid_from, valid_to)` with a GiST index, so "valid on d"
 * is `validity @> d`. Foreign keys are deferrable so a bulk import can load rows in any order
 * inside one transaction.
 */
const FK = 'deferrable initially immediate';

function dated(table: string): string[] {
  return [
    `alter table ${table} add column validity daterange generated always as (daterange(valid_from, valid_to, '[)')) stored;`,
    `alter table ${table} add constraint ${table}_dates_ordered check (valid_from is null or valid_to is null or valid_from < valid_to);`,
    `create index ${table}_validity_idx on ${table} using gist (validity);`,
  ];
}

export class Migration20261123000001_dated_graph extends Migration {
  override async up(): Promise<void> {
    const statements = [
      `create table party (
        id varchar(64) primary key,
        kind text not null check (kind in ('COMPANY','PERSON','INSTITUTION','STATE')),
        name text not null,
        ownership text check (ownership in ('PRIVATE','STATE','FOREIGN','COLLECTIVE','OTHER')),
        country char(2),
        uscc char(18) unique,
        lei char(20) unique,
        industry text,
        board_seats integer check (board_seats > 0),
        customer boolean not null default false,
        portfolio text,
        version integer not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );`,
      `create index party_portfolio_idx on party (portfolio) where portfolio is not null;`,
      `create index party_kind_idx on party (kind);`,
      `create index party_customer_idx on party (customer) where customer;`,

      `create table shareholding (
        id varchar(64) primary key,
        holder_id varchar(64) not null references party (id) ${FK},
        company_id varchar(64) not null references party (id) ${FK},
        voting_pct numeric not null check (voting_pct > 0 and voting_pct <= 100),
        equity_pct numeric not null check (equity_pct > 0 and equity_pct <= 100),
        valid_from date, valid_to date, source text,
        version integer not null default 1,
        check (holder_id <> company_id)
      );`,
      `create index shareholding_holder_idx on shareholding (holder_id);`,
      `create index shareholding_company_idx on shareholding (company_id);`,
      ...dated('shareholding'),

      `create table role (
        id varchar(64) primary key,
        holder_id varchar(64) not null references party (id) ${FK},
        company_id varchar(64) not null references party (id) ${FK},
        role text not null check (role in ('CHAIRMAN','DIRECTOR','GENERAL_MANAGER','CFO','LEGAL_REPRESENTATIVE','SUPERVISOR','ACTUAL_CONTROLLER')),
        appointed_by_id varchar(64) references party (id) ${FK},
        valid_from date, valid_to date, source text,
        version integer not null default 1
      );`,
      `create index role_holder_idx on role (holder_id);`,
      `create index role_company_idx on role (company_id);`,
      `create index role_appointed_by_idx on role (appointed_by_id) where appointed_by_id is not null;`,
      ...dated('role'),

      `create table family_tie (
        id varchar(64) primary key,
        person_a_id varchar(64) not null references party (id) ${FK},
        person_b_id varchar(64) not null references party (id) ${FK},
        relation text not null check (relation in ('SPOUSE','PARENT_OF','SIBLING')),
        valid_from date, valid_to date, source text,
        version integer not null default 1,
        check (person_a_id <> person_b_id)
      );`,
      `create index family_tie_a_idx on family_tie (person_a_id);`,
      `create index family_tie_b_idx on family_tie (person_b_id);`,
      ...dated('family_tie'),

      `create table control_link (
        id varchar(64) primary key,
        from_id varchar(64) not null references party (id) ${FK},
        to_id varchar(64) not null references party (id) ${FK},
        type text not null check (type in ('ACTING_IN_CONCERT','VOTING_PROXY','CONSOLIDATION','CENTRAL_TREASURY','UNIFIED_FINANCING','FUNDS_OCCUPATION','RELATED_PARTY_TRANSFER','OTHER_CONTROL')),
        valid_from date, valid_to date, source text, reason text,
        version integer not null default 1,
        check (from_id <> to_id),
        check (type <> 'OTHER_CONTROL' or reason is not null)
      );`,
      `create index control_link_from_idx on control_link (from_id);`,
      `create index control_link_to_idx on control_link (to_id);`,
      ...dated('control_link'),

      `create table guarantee (
        id varchar(64) primary key,
        guarantor_id varchar(64) not null references party (id) ${FK},
        borrower_id varchar(64) not null references party (id) ${FK},
        amount numeric not null check (amount >= 0),
        currency char(3) not null,
        valid_from date, valid_to date,
        version integer not null default 1,
        check (guarantor_id <> borrower_id)
      );`,
      `create index guarantee_guarantor_idx on guarantee (guarantor_id);`,
      `create index guarantee_borrower_idx on guarantee (borrower_id);`,
      ...dated('guarantee'),

      `create table manual_designation (
        id varchar(64) primary key,
        kind text not null check (kind in ('JOIN','SEVER')),
        entity_id varchar(64) not null references party (id) ${FK},
        target_id varchar(64) not null references party (id) ${FK},
        reason text not null,
        approved_by text not null,
        valid_from date, valid_to date,
        version integer not null default 1,
        check (entity_id <> target_id)
      );`,
      `create index manual_designation_entity_idx on manual_designation (entity_id);`,
      `create index manual_designation_target_idx on manual_designation (target_id);`,
      ...dated('manual_designation'),

      `create table facility (
        id varchar(64) primary key,
        borrower_id varchar(64) not null references party (id) ${FK},
        product text not null check (product in ('TERM_LOAN','REVOLVING_LOAN','OVERDRAFT','BANK_ACCEPTANCE','FINANCIAL_GUARANTEE','STANDBY_LC','PERFORMANCE_GUARANTEE','TRADE_LC','BOND_HOLDING','OTHER')),
        limit_amount numeric not null check (limit_amount >= 0),
        currency char(3) not null,
        committed boolean not null default false,
        cancellable boolean not null default false,
        start_date date, maturity_date date,
        cash_margin numeric check (cash_margin >= 0),
        guarantor_id varchar(64) references party (id) ${FK},
        guaranteed_amount numeric check (guaranteed_amount >= 0),
        version integer not null default 1,
        check (start_date is null or maturity_date is null or start_date < maturity_date),
        check ((guarantor_id is null) = (guaranteed_amount is null))
      );`,
      `create index facility_borrower_idx on facility (borrower_id);`,
      `create index facility_guarantor_idx on facility (guarantor_id) where guarantor_id is not null;`,

      `create table drawing (
        facility_id varchar(64) not null references facility (id) ${FK},
        as_of date not null,
        drawn numeric not null check (drawn >= 0),
        primary key (facility_id, as_of)
      );`,

      `create table fx_rate (
        currency char(3) not null,
        as_of date not null,
        rate numeric not null check (rate > 0),
        primary key (currency, as_of)
      );`,

      `create table capital (
        as_of date primary key,
        tier1_capital numeric not null check (tier1_capital > 0),
        net_capital numeric not null check (net_capital > 0),
        currency char(3) not null
      );`,

      `create table group_limit (
        id varchar(64) primary key,
        member_id varchar(64) not null references party (id) ${FK},
        limit_amount numeric not null check (limit_amount >= 0),
        currency char(3) not null,
        valid_from date, valid_to date,
        version integer not null default 1
      );`,
      `create index group_limit_member_idx on group_limit (member_id);`,
      ...dated('group_limit'),

      // Append-only: who changed what, when, from what to what.
      `create table audit_log (
        id bigserial primary key,
        at timestamptz not null default now(),
        actor text not null,
        action text not null,
        table_name text not null,
        row_id text,
        before jsonb,
        after jsonb,
        note text
      );`,
      `create index audit_log_row_idx on audit_log (table_name, row_id);`,
      `create function audit_log_is_append_only() returns trigger language plpgsql as $$
        begin raise exception 'audit_log is append-only'; end $$;`,
      `create trigger audit_log_append_only before update or delete on audit_log
        for each row execute function audit_log_is_append_only();`,
    ];
    for (const sql of statements) this.addSql(sql);
  }
}
