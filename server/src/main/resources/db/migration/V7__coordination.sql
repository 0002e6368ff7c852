-- Settings shared by every node, such as the hash of the coordinators' access key.
create table setting (
    name  varchar(80)  primary key,
    value varchar(400) not null
);
