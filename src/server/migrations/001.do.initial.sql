-- The team atlas's schema, for PGlite (embedded) and PostgreSQL ≥ 15 alike.
-- Rules relied on:
-- - status_edits and audit_log are append-only: a trigger refuses UPDATE, DELETE and TRUNCATE.
-- - A mutation id is applied at most once: mutations.id is its primary key, and the outcome stored
--   there is what a retry gets back.
-- - (dataset, row, field, version) is unique, so two edits based on the same version can never
--   both apply, whatever the isolation level: the second becomes a conflict.

create table users (
  id serial primary key,
  username text not null unique,
  display_name text not null,
  role text not null check (role in ('admin', 'planner', 'editor', 'viewer')),
  areas text[] not null default '{}',
  password_hash text not null,
  disabled boolean not null default false,
  failed_logins integer not null default 0,
  locked_until timestamptz,
  must_change_password boolean not null default false,
  created_at timestamptz not null default now(),
  created_by integer references users(id)
);

create table sessions (
  id_hash text primary key,
  user_id integer not null references users(id) on delete cascade,
  csrf_token text not null,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index sessions_user on sessions (user_id);

create table settings (
  key text primary key,
  value text not null
);

create table datasets (
  id text primary key,
  layer text not null,
  version integer not null,
  name text not null,
  source_file text not null,
  datum text not null,
  row_count integer not null,
  rejected_count integer not null default 0,
  uploaded_by integer not null references users(id),
  uploaded_at timestamptz not null default now(),
  body bytea not null,
  etag text not null,
  unique (layer, version)
);

-- The rows that can be tracked (villages, sites): their key and county, for area checks.
create table dataset_rows (
  dataset_id text not null references datasets(id) on delete cascade,
  row_key text not null,
  county_code text not null,
  name text not null default '',
  primary key (dataset_id, row_key)
);

create table status_edits (
  id bigserial primary key,
  dataset_id text not null references datasets(id),
  row_key text not null,
  field text not null,
  kind text not null check (kind in ('set', 'verify', 'dispute')),
  value boolean,
  date text not null,
  note text not null default '',
  author_id integer not null references users(id),
  author text not null,
  source text not null check (source in ('desk', 'field')),
  edited_at timestamptz not null,
  received_at timestamptz not null default now(),
  version integer not null,
  mutation_id uuid not null unique,
  unique (dataset_id, row_key, field, version)
);
create index status_edits_row on status_edits (dataset_id, row_key);

create table conflicts (
  id bigserial primary key,
  mutation_id uuid not null unique,
  dataset_id text not null references datasets(id),
  row_key text not null,
  county_code text not null,
  field text not null,
  base_version integer not null,
  current_version integer not null,
  proposed jsonb not null,
  created_by integer not null references users(id),
  created_at timestamptz not null default now(),
  status text not null default 'open' check (status in ('open', 'accepted', 'rejected')),
  resolved_by integer references users(id),
  resolved_at timestamptz,
  resolution_note text
);
create index conflicts_open on conflicts (status, county_code);

create table mutations (
  id uuid primary key,
  user_id integer not null references users(id),
  received_at timestamptz not null default now(),
  outcome text not null check (outcome in ('applied', 'conflict', 'rejected')),
  response jsonb not null
);

create table shared_views (
  id text primary key,
  kind text not null check (kind in ('link', 'slides')),
  title text not null default '',
  body jsonb not null,
  owner_id integer not null references users(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table audit_log (
  id bigserial primary key,
  at timestamptz not null default now(),
  user_id integer references users(id),
  username text not null default '',
  action text not null,
  dataset_id text,
  row_key text,
  field text,
  old_value jsonb,
  new_value jsonb,
  note text,
  source text,
  mutation_id uuid,
  detail jsonb
);
create index audit_log_row on audit_log (dataset_id, row_key);
create index audit_log_user on audit_log (user_id, id);

create function refuse_change() returns trigger language plpgsql as $$
begin
  raise exception '% is append-only', tg_table_name;
end;
$$;
create trigger audit_log_append_only before update or delete on audit_log
  for each row execute function refuse_change();
create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function refuse_change();
create trigger status_edits_append_only before update or delete on status_edits
  for each row execute function refuse_change();
create trigger status_edits_no_truncate before truncate on status_edits
  for each statement execute function refuse_change();
