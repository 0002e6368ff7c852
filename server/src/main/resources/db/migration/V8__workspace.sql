-- The workspace (issue 14): people, places, sessions prepared ahead. It does not change how a live
-- session runs: the live engine keeps its own tables; these rows say who owns what.

-- A territory is a local SPRO network (Dreux, Chartres, Châteaudun/Nogent...), under the region.
create table territory (
    id         varchar(40)  primary key,
    name       varchar(120) not null,
    created_at timestamptz  not null
);
create unique index territory_name_idx on territory (name);

-- E-mail domains whose people may get an account on first single sign-on, per territory.
create table territory_domain (
    domain       varchar(200) primary key,
    territory_id varchar(40)  not null references territory (id) on delete cascade
);

-- An account: a facilitator, a territory coordinator or a regional administrator. The password hash
-- is a self-describing Argon2id string; null for an account that only signs in by SSO or has not set
-- a password yet.
create table account (
    id            varchar(40)  primary key,
    email         varchar(254) not null,
    display_name  varchar(120) not null,
    role          varchar(20)  not null check (role in ('facilitator', 'coordinator', 'admin')),
    password_hash varchar(200),
    created_at    timestamptz  not null,
    disabled_at   timestamptz
);
-- E-mail addresses are stored lower-cased (the application normalises them), so this is case-blind.
create unique index account_email_idx on account (email);

create table account_territory (
    account_id   varchar(40) not null references account (id) on delete cascade,
    territory_id varchar(40) not null references territory (id) on delete cascade,
    primary key (account_id, territory_id)
);
create index account_territory_territory_idx on account_territory (territory_id);

-- One-time links: an invitation (sets the first password) or a password reset. Only the hash of the
-- token is kept; a link works once and until it expires.
create table invitation (
    token_hash  varchar(64)  primary key,
    kind        varchar(10)  not null check (kind in ('invite', 'reset')),
    email       varchar(254) not null,
    role        varchar(20)  not null check (role in ('facilitator', 'coordinator', 'admin')),
    territories varchar(400) not null default '',
    created_by  varchar(40)  references account (id) on delete set null,
    created_at  timestamptz  not null,
    expires_at  timestamptz  not null,
    used_at     timestamptz
);
create index invitation_email_idx on invitation (email);

-- A session prepared ahead. Its join code is given at once (and reserved in Redis); on the day the
-- facilitator opens the console and the live session is created with that code and this content.
create table planned_session (
    id           varchar(40)  primary key,
    code         varchar(12)  not null,
    format       varchar(40)  not null,
    title        varchar(200) not null,
    starts_at    timestamptz,
    place        varchar(200),
    territory_id varchar(40)  references territory (id) on delete set null,
    publics      varchar(400) not null default '',
    partners     varchar(1000) not null default '',
    settings     jsonb        not null default '{}',
    creator_id   varchar(40)  references account (id) on delete set null,
    created_at   timestamptz  not null,
    updated_at   timestamptz  not null,
    session_id   varchar(40),
    opened_at    timestamptz
);
-- A planned code is never given twice (a clash on insert is retried with another code).
create unique index planned_session_code_idx on planned_session (code);
create index planned_session_territory_idx on planned_session (territory_id, starts_at);
create index planned_session_creator_idx on planned_session (creator_id, starts_at);
create index planned_session_session_idx on planned_session (session_id);

create table planned_session_facilitator (
    planned_session_id varchar(40) not null references planned_session (id) on delete cascade,
    account_id         varchar(40) not null references account (id) on delete cascade,
    primary key (planned_session_id, account_id)
);
create index planned_session_facilitator_account_idx on planned_session_facilitator (account_id);

-- Who owns an archived session (null for a quick session created without an account).
alter table session add column creator_id varchar(40);
alter table session add column territory_id varchar(40);
create index session_territory_idx on session (territory_id, created_at);

-- Dessine-moi projects belong to a territory (listed there, no more per-device memory).
alter table project add column territory_id varchar(40);
alter table project add column creator_id varchar(40);
create index project_territory_idx on project (territory_id);

-- What people did: who created, prepared, ran, erased or exported what, and when. No secret here.
create table audit_event (
    id         bigserial    primary key,
    at         timestamptz  not null,
    account_id varchar(40),
    action     varchar(60)  not null,
    target     varchar(120),
    detail     varchar(400)
);
create index audit_event_at_idx on audit_event (at);
