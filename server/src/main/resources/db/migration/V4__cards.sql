-- Results of the "Jeu de cartes SPRO" format (cards). One row per played round, one per value an
-- observer wrote in a grid, and one per item the grids cited (a door to open, a scheme, a
-- question), with its count, so a coordinator's report is a query, for example:
--   select label, sum(mentions) from cards_citation where kind = 'structures' group by label order by 2 desc;
create table cards_round (
    session_id     varchar(40)  not null references session (id) on delete cascade,
    round_number   integer      not null,
    deck_id        varchar(60)  not null,
    deck_title     varchar(200) not null,
    case_number    integer,
    case_title     varchar(200),
    structure_id   varchar(60),
    structure_name varchar(200),
    counsellor_id  varchar(40),
    counsellor     varchar(40),
    beneficiary_id varchar(40),
    beneficiary    varchar(40),
    redraws        integer      not null default 0,
    grids          integer      not null default 0,
    started_at     timestamptz,
    primary key (session_id, round_number)
);
create index cards_round_case_idx on cards_round (deck_id, case_number);

-- What each observer wrote, one row per value (the observer is pseudonymous: the participant id).
create table cards_grid_value (
    session_id     varchar(40)   not null,
    round_number   integer       not null,
    participant_id varchar(40)   not null,
    field_id       varchar(60)   not null,
    position       integer       not null,
    kind           varchar(20)   not null,
    value          varchar(1000) not null,
    primary key (session_id, round_number, participant_id, field_id, position),
    foreign key (session_id, round_number) references cards_round (session_id, round_number) on delete cascade
);

-- The grids of a round put together: kind 'structures' (doors to open, item_key = structure id) or
-- 'list' (questions, schemes: item_key = the text folded without case or accents).
create table cards_citation (
    session_id   varchar(40)  not null,
    round_number integer      not null,
    field_id     varchar(60)  not null,
    item_key     varchar(200) not null,
    kind         varchar(20)  not null,
    label        varchar(300) not null,
    mentions     integer      not null,
    primary key (session_id, round_number, field_id, item_key),
    foreign key (session_id, round_number) references cards_round (session_id, round_number) on delete cascade
);
create index cards_citation_kind_idx on cards_citation (kind, field_id);
