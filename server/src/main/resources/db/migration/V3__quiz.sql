-- Results of the "Challenge numérique" team quiz, written when a session is archived (idempotent
-- upserts). Modelled so that a coordinator's report is a query: which questions of a bank are
-- missed across sessions, how teams did, who took part in answering.

-- One row per quiz session: what was played and how.
create table quiz_game (
    session_id           varchar(40)  primary key references session (id) on delete cascade,
    bank_id              varchar(60)  not null,
    bank_title           varchar(200) not null,
    pacing               varchar(12)  not null,
    questions_played     integer      not null,
    team_count           integer      not null,
    speed_bonus          boolean      not null,
    partial_credit       boolean      not null,
    seconds_per_question integer,
    time_limit_minutes   integer,
    started_at           timestamptz,
    finished_at          timestamptz
);
create index quiz_game_bank_idx on quiz_game (bank_id);

-- Teams and their final standing (final_rank null: the team had neither members nor answers).
create table quiz_team (
    session_id   varchar(40) not null references session (id) on delete cascade,
    team_id      varchar(20) not null,
    name         varchar(60) not null,
    final_rank   integer,
    score        integer     not null,
    right_count  integer     not null,
    answered     integer     not null,
    time_ms      bigint      not null,
    member_count integer     not null,
    primary key (session_id, team_id)
);

-- The questions played, with the bank they come from so a question can be followed across sessions.
create table quiz_question (
    session_id   varchar(40)   not null references session (id) on delete cascade,
    question_id  varchar(40)   not null,
    position     integer       not null,
    bank_id      varchar(60)   not null,
    type         varchar(12)   not null,
    text         varchar(600)  not null,
    right_answer varchar(2500) not null,
    source_name  varchar(200),
    source_url   varchar(500),
    answered     integer       not null,
    right_count  integer       not null,
    primary key (session_id, question_id)
);
create index quiz_question_bank_idx on quiz_question (bank_id, question_id);

-- Each team's answer as it stood when the question was locked: the one that counted.
create table quiz_team_answer (
    session_id  varchar(40)   not null,
    question_id varchar(40)   not null,
    team_id     varchar(20)   not null,
    answer      varchar(2500) not null,
    is_right    boolean       not null,
    points      integer       not null,
    answered_by varchar(40)   not null,
    answered_at timestamptz   not null,
    primary key (session_id, question_id, team_id),
    foreign key (session_id, question_id) references quiz_question (session_id, question_id) on delete cascade,
    foreign key (session_id, team_id) references quiz_team (session_id, team_id) on delete cascade
);

-- Each participant's part: their team, how often they changed its answer, how many counted answers were theirs.
create table quiz_participant (
    session_id     varchar(40) not null,
    participant_id varchar(40) not null,
    team_id        varchar(20),
    changes        integer     not null,
    final_answers  integer     not null,
    right_answers  integer     not null,
    points         integer     not null,
    primary key (session_id, participant_id),
    foreign key (session_id, participant_id) references participant (session_id, id) on delete cascade
);

-- Each participant's latest proposal per question (counted: it is the team's final answer).
create table quiz_participant_answer (
    session_id     varchar(40)   not null,
    question_id    varchar(40)   not null,
    participant_id varchar(40)   not null,
    team_id        varchar(20)   not null,
    answer         varchar(2500) not null,
    is_right       boolean       not null,
    counted        boolean       not null,
    answered_at    timestamptz   not null,
    primary key (session_id, question_id, participant_id),
    foreign key (session_id, question_id) references quiz_question (session_id, question_id) on delete cascade
);
