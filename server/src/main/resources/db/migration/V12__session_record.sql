-- What a session records for the Région's annual report (issue 18), its idle end and impact questions.
-- Partner structures of a territory (Mission locale de Dreux, CIO de Chartres, France Travail ...).
create table territory_structure (
    id           varchar(40)  primary key,
    territory_id varchar(40)  not null references territory (id) on delete cascade,
    name         varchar(160) not null,
    kind         varchar(60)  not null default '',   -- « Mission locale », « CIO », « France Travail »...
    created_at   timestamptz  not null,
    retired_at   timestamptz
);
-- [jooq ignore start]
create unique index territory_structure_name_idx on territory_structure (territory_id, lower(name));
-- [jooq ignore stop]

-- What a session was, for the Région's report (copied from the planned session at archive time).
alter table session add column place varchar(200);              -- the commune
alter table session add column closed_by varchar(12);           -- 'facilitator' | 'system' (idle end)
alter table session add column people_count integer;            -- devices + declared team sizes - 1 per shared device
create table session_public (
    session_id  varchar(40) not null references session (id) on delete cascade,
    public_code varchar(30) not null,                            -- fr.atelier.workshops.core.Publics codes
    primary key (session_id, public_code)
);
create table session_structure (
    session_id   varchar(40) not null references session (id) on delete cascade,
    structure_id varchar(40) not null,
    primary key (session_id, structure_id)
);
create index session_structure_structure_idx on session_structure (structure_id);
alter table participant add column structure_id varchar(40);      -- optional, picked at join
alter table participant add column declared_size smallint;        -- people behind one shared device

-- A territory's optional impact questions (1–5), asked before and/or after.
create table impact_question (
    id           varchar(40)  primary key,
    territory_id varchar(40)  references territory (id) on delete cascade,  -- null: regional
    text         varchar(300) not null,
    moments      varchar(12)  not null check (moments in ('before', 'after', 'both')),
    created_at   timestamptz  not null,
    retired_at   timestamptz
);
create table impact_answer (
    session_id     varchar(40) not null references session (id) on delete cascade,
    participant_id varchar(40) not null,
    question_id    varchar(40) not null,
    moment         varchar(6)  not null check (moment in ('before', 'after')),
    score          smallint    not null check (score between 1 and 5),
    primary key (session_id, participant_id, question_id, moment)
);
