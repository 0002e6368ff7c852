-- Archived sessions: one row each, written when a session ends (idempotent upserts).
-- Modelled so that a coordinator's activity report is a query, not a replay.
create table session (
    id                   varchar(40)  primary key,
    code                 varchar(12)  not null,
    format               varchar(40)  not null,
    title                varchar(200) not null,
    created_at           timestamptz  not null,
    started_at           timestamptz,
    ended_at             timestamptz,
    participant_count    integer      not null default 0,
    satisfaction_count   integer      not null default 0,
    satisfaction_average numeric(3, 1),
    host_token_hash      varchar(64)  not null,
    results              jsonb,
    archived_at          timestamptz  not null
);
create index session_code_idx on session (code);
create index session_created_idx on session (created_at);

-- Participants are pseudonymous: a nickname only, no contact data.
create table participant (
    session_id varchar(40) not null references session (id) on delete cascade,
    id         varchar(40) not null,
    nickname   varchar(40) not null,
    joined_at  timestamptz not null,
    active     boolean     not null,
    primary key (session_id, id)
);

-- The whole event log, as written to Redis; (session_id, seq) is the event's identity.
create table session_event (
    session_id varchar(40) not null references session (id) on delete cascade,
    seq        bigint      not null,
    type       varchar(80) not null,
    payload    jsonb       not null,
    primary key (session_id, seq)
);

-- The success indicator every SPRO action reports.
create table satisfaction_answer (
    session_id     varchar(40)  not null references session (id) on delete cascade,
    participant_id varchar(40)  not null,
    score          smallint     not null check (score between 1 and 5),
    comment        varchar(500),
    primary key (session_id, participant_id)
);
