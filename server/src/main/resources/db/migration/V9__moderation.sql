-- Issue 15, item 4: the administrator's edits of the nickname and team-name filter, on top of the
-- bundled lists (workshops/src/main/resources/moderation). kind 'refuse': a word or phrase refused
-- too; kind 'allow': an entry of the bundled lists that this installation accepts. Every node
-- reads this table (see fr.atelier.server.moderation.NameFilters for how often).
create table moderation_word (
    kind       varchar(10)  not null,
    word       varchar(80)  not null,
    added_by   varchar(40),
    added_at   timestamptz  not null,
    primary key (kind, word)
);
