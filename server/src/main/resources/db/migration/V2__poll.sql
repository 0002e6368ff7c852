-- Results of the warm-up poll format, one row per question and per option.
create table poll_question (
    session_id  varchar(40)  not null references session (id) on delete cascade,
    question_id varchar(20)  not null,
    position    integer      not null,
    text        varchar(200) not null,
    answered    integer      not null,
    primary key (session_id, question_id)
);

create table poll_option (
    session_id   varchar(40) not null,
    question_id  varchar(20) not null,
    option_index integer     not null,
    label        varchar(80) not null,
    votes        integer     not null,
    correct      boolean     not null,
    primary key (session_id, question_id, option_index),
    foreign key (session_id, question_id) references poll_question (session_id, question_id) on delete cascade
);
