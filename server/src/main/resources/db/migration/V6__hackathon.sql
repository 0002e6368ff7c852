-- Results of "Hack ton orientation" (hackathon), written when a session is archived (idempotent
-- upserts). Modelled so that a coordinator's report is a query, not a replay, for example which
-- challenges the teams took across sessions and how their projects were judged:
--   select c.title, count(t.team_id), avg(t.jury_score)
--     from hackathon_challenge c left join hackathon_team t on t.session_id = c.session_id and t.challenge_id = c.challenge_id
--    group by c.title;

-- The challenges played in a session (the facilitator may have edited them or added others).
create table hackathon_challenge (
    session_id   varchar(40)  not null references session (id) on delete cascade,
    challenge_id varchar(60)  not null,
    position     integer      not null,
    kit_id       varchar(60),
    title        varchar(200) not null,
    capacity     integer,
    team_count   integer      not null,
    primary key (session_id, challenge_id)
);

-- The judging rubric: weighted criteria.
create table hackathon_criterion (
    session_id   varchar(40) not null references session (id) on delete cascade,
    criterion_id varchar(60) not null,
    position     integer     not null,
    label        varchar(80) not null,
    weight       integer     not null,
    primary key (session_id, criterion_id)
);

-- Each team, its project and its results (scores are weighted averages on 1–5; null without ballots).
create table hackathon_team (
    session_id     varchar(40)  not null references session (id) on delete cascade,
    team_id        varchar(20)  not null,
    name           varchar(60)  not null,
    challenge_id   varchar(60),
    member_count   integer      not null,
    project_name   varchar(60),
    pitch          varchar(200),
    pitch_position integer,
    idea_count     integer      not null,
    jury_ballots   integer      not null,
    jury_score     numeric(4, 2),
    jury_rank      integer,
    public_ballots integer      not null,
    public_score   numeric(4, 2),
    public_rank    integer,
    jury_prize     boolean      not null,
    public_prize   boolean      not null,
    primary key (session_id, team_id)
);
create index hackathon_team_challenge_idx on hackathon_team (challenge_id);

-- Who was in which team (pseudonymous: the participant id).
create table hackathon_member (
    session_id     varchar(40) not null,
    team_id        varchar(20) not null,
    participant_id varchar(40) not null,
    primary key (session_id, team_id, participant_id),
    foreign key (session_id, team_id) references hackathon_team (session_id, team_id) on delete cascade,
    foreign key (session_id, participant_id) references participant (session_id, id) on delete cascade
);

-- Every field of both canvases (canvas 'problem': persona and problem; 'solution': the project).
create table hackathon_canvas_field (
    session_id  varchar(40)   not null,
    team_id     varchar(20)   not null,
    canvas      varchar(20)   not null,
    field_id    varchar(20)   not null,
    position    integer       not null,
    text        varchar(1000) not null,
    revisions   integer       not null,
    last_editor varchar(40),
    edited_at   timestamptz,
    primary key (session_id, team_id, field_id),
    foreign key (session_id, team_id) references hackathon_team (session_id, team_id) on delete cascade
);

-- The ideas of the Imagine phase with the team's dot votes.
create table hackathon_idea (
    session_id varchar(40)  not null,
    team_id    varchar(20)  not null,
    idea_id    varchar(20)  not null,
    text       varchar(200) not null,
    author_id  varchar(40)  not null,
    dots       integer      not null,
    created_at timestamptz  not null,
    primary key (session_id, idea_id),
    foreign key (session_id, team_id) references hackathon_team (session_id, team_id) on delete cascade
);

-- The jury seats the facilitator opened, and who took them.
create table hackathon_jury_seat (
    session_id     varchar(40) not null references session (id) on delete cascade,
    seat_id        varchar(20) not null,
    label          varchar(40) not null,
    participant_id varchar(40),
    primary key (session_id, seat_id)
);

-- Every ballot, one row per criterion: voter_kind 'jury' (voter_id = the seat) or 'public' (the participant).
create table hackathon_score (
    session_id   varchar(40) not null,
    team_id      varchar(20) not null,
    criterion_id varchar(60) not null,
    voter_kind   varchar(10) not null check (voter_kind in ('jury', 'public')),
    voter_id     varchar(40) not null,
    score        smallint    not null check (score between 1 and 5),
    scored_at    timestamptz not null,
    primary key (session_id, team_id, criterion_id, voter_kind, voter_id),
    foreign key (session_id, team_id) references hackathon_team (session_id, team_id) on delete cascade,
    foreign key (session_id, criterion_id) references hackathon_criterion (session_id, criterion_id) on delete cascade
);
