-- Drafts (保存草稿 / 我的待办件): a form saved at any step, complete or not, until it is submitted.
-- A draft may hold ID numbers and phones anywhere in it, so the whole form is sealed (AES-GCM).
create table drafts (
    id            uuid        primary key,
    client_id     text        not null,
    key_id        text        not null,
    form_cipher   bytea       not null,
    copied_from   uuid        references applications (id),   -- 再办一单: the application copied
    submitted_as  uuid        references applications (id),   -- set once submitted; then read-only
    created_at    timestamptz not null,
    updated_at    timestamptz not null
);
