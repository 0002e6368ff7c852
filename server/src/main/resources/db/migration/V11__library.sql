-- The content library (issue 16): quiz banks, card decks, challenge kits, Dessine-moi vocabularies
-- and poll question lists, per territory plus the regional shelf (territory_id null).
-- content is the format's own content type as JSON, exactly what the session's setup command carries.
create table library_item (
    id          varchar(40)   primary key,
    kind        varchar(20)   not null,
    territory_id varchar(40)  references territory (id) on delete cascade,
    title       varchar(200)  not null,
    description varchar(1000),
    content     jsonb         not null,
    size        int           not null,
    version     int           not null,
    source_id   varchar(40),
    created_by  varchar(40)   references account (id) on delete set null,
    created_at  timestamptz   not null,
    edited_by   varchar(40)   references account (id) on delete set null,
    edited_at   timestamptz   not null,
    deleted_at  timestamptz
);
create index library_item_shelf_idx on library_item (kind, territory_id);

-- Uploaded images, as re-encoded by the server (metadata stripped, resized for phones): in
-- PostgreSQL so every node serves the same bytes without a shared disk.
create table library_image (
    id           varchar(40)  primary key,
    territory_id varchar(40)  references territory (id) on delete set null,
    sha256       char(64)     not null,
    mime         varchar(20)  not null,
    width        int          not null,
    height       int          not null,
    bytes        bytea        not null,
    created_by   varchar(40)  references account (id) on delete set null,
    created_at   timestamptz  not null
);
create index library_image_sha_idx on library_image (sha256);
