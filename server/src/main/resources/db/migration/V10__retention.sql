-- Personal data kept only as long as needed (issue 19, items 1-3 and 7). A session's per-participant
-- rows (nicknames, individual answers, grids, comments, the event log) are purged after the retention
-- delay or erased on request; the session row keeps the aggregates the reports and syntheses show.

-- When this session's per-participant data went, and why ('retention' or 'erased'); null: still kept.
alter table session add column purged_at timestamptz;
alter table session add column purge_reason varchar(20);
-- The satisfaction ratings counted by score ("n1,n2,n3,n4,n5"), written at archive time, so the report's
-- average over every rating and the synthesis's distribution survive the purge of the answers.
alter table session add column satisfaction_distribution varchar(60);
create index session_purge_idx on session (purged_at, ended_at);

update session set satisfaction_distribution = (
    select cast(count(case when a.score = 1 then 1 end) as varchar(12)) || ','
        || cast(count(case when a.score = 2 then 1 end) as varchar(12)) || ','
        || cast(count(case when a.score = 3 then 1 end) as varchar(12)) || ','
        || cast(count(case when a.score = 4 then 1 end) as varchar(12)) || ','
        || cast(count(case when a.score = 5 then 1 end) as varchar(12))
      from satisfaction_answer a where a.session_id = session.id);

create index audit_event_account_idx on audit_event (account_id, at);
