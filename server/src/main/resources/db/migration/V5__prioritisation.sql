-- "Dessine-moi le travail" (format prioritisation). A project (a job or sector, a territory, a
-- target public) spans sessions: what each session collected and decided is written back here when
-- it is archived, by idempotent upserts keyed by the items' stable ids, and the next session starts
-- from it. Modelled so that reports are queries, for example:
--   recurring problems of a project, by category and by side:
--     select category, profile, count(*) from project_contribution
--      where project_id = ? and not hidden group by category, profile;
--   the ranking of one session's vote:
--     select proposal_id, sum(dots), count(*) filter (where dots > 0) from project_vote
--      where session_id = ? group by proposal_id order by 2 desc;
create table project (
    id            varchar(40)  primary key,
    key_hash      varchar(64)  not null,
    name          varchar(160) not null,
    sector        varchar(120) not null,
    territory     varchar(120) not null,
    target_public varchar(200) not null,
    created_at    timestamptz  not null,
    updated_at    timestamptz  not null
);

-- The sessions held in a project, with their headline numbers.
create table project_session (
    project_id        varchar(40) not null references project (id) on delete cascade,
    session_id        varchar(40) not null references session (id) on delete cascade,
    tag               varchar(16),
    contributions     integer     not null default 0,
    voters            integer     not null default 0,
    revealed          boolean     not null default false,
    archived_at       timestamptz not null,
    primary key (project_id, session_id)
);
create index project_session_session_idx on project_session (session_id);

-- Contributions are anonymous: the profile the participant chose, never who wrote it (the
-- pseudonymous participant id stays for traceability within its session, like the event log).
create table project_contribution (
    project_id     varchar(40)  not null references project (id) on delete cascade,
    id             varchar(40)  not null,
    session_id     varchar(40)  references session (id) on delete set null,
    participant_id varchar(40),
    profile        varchar(20)  not null,
    kind           varchar(20)  not null,
    category       varchar(20)  not null,
    text           varchar(400) not null,
    hidden         boolean      not null,
    merged_into    varchar(40),
    theme_id       varchar(40),
    created_at     timestamptz  not null,
    updated_at     timestamptz  not null,
    primary key (project_id, id)
);
create index project_contribution_category_idx on project_contribution (project_id, category);

create table project_theme (
    project_id varchar(40) not null references project (id) on delete cascade,
    id         varchar(40) not null,
    session_id varchar(40) references session (id) on delete set null,
    name       varchar(80) not null,
    removed    boolean     not null,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    primary key (project_id, id)
);

create table project_proposal (
    project_id      varchar(40)  not null references project (id) on delete cascade,
    id              varchar(40)  not null,
    session_id      varchar(40)  references session (id) on delete set null,
    text            varchar(400) not null,
    theme_id        varchar(40),
    contribution_id varchar(40),
    source          varchar(20)  not null,
    profile         varchar(20),
    hidden          boolean      not null,
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null,
    primary key (project_id, id)
);

-- One row per voter and proposal of a session: dots and the optional ratings, with the voter's
-- profile so that results split by side are a group by.
create table project_vote (
    session_id     varchar(40) not null references session (id) on delete cascade,
    participant_id varchar(40) not null,
    proposal_id    varchar(40) not null,
    project_id     varchar(40) not null references project (id) on delete cascade,
    profile        varchar(20) not null,
    dots           integer     not null,
    impact         smallint,
    feasibility    smallint,
    primary key (session_id, participant_id, proposal_id)
);
create index project_vote_project_idx on project_vote (project_id, proposal_id);

-- The action plan: persists across sessions and is updated in later ones.
create table project_action (
    project_id         varchar(40)  not null references project (id) on delete cascade,
    id                 varchar(40)  not null,
    session_id         varchar(40)  references session (id) on delete set null,
    updated_session_id varchar(40)  references session (id) on delete set null,
    proposal_id        varchar(40),
    title              varchar(400) not null,
    lead_partner       varchar(160),
    deadline           date,
    status             varchar(20)  not null,
    removed            boolean      not null,
    created_at         timestamptz  not null,
    updated_at         timestamptz  not null,
    primary key (project_id, id)
);
