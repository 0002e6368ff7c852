-- Issue 17, item 3: the poll's question types. Every question keeps its row in poll_question, now
-- with its type (single, multiple, words, scale, open, ranking, qa) and, for a scale, its mean
-- answer; poll_option holds votes (ranking: Borda points; scale: one row per value); the texts
-- (words of the cloud with their count, texts of the wall, Q&A questions with their upvotes) go
-- to poll_text. Only texts the facilitator left on the wall are archived.
alter table poll_question add column kind varchar(10) not null default 'single';
alter table poll_question add column mean numeric(5, 2);

create table poll_text (
    session_id  varchar(40)  not null,
    question_id varchar(20)  not null,
    text_index  integer      not null,
    text        varchar(300) not null,
    count       integer      not null,
    answered    boolean      not null,
    primary key (session_id, question_id, text_index),
    foreign key (session_id, question_id) references poll_question (session_id, question_id) on delete cascade
);
