-- Materials (材料): photos and scans proving a form's sections. A material is uploaded to a draft
-- (draft_id) and, when the draft is submitted, becomes its application's too (application_id set in
-- the transaction that marks the draft submitted), or it is added to an application while it waits
-- for a supplement (待补正: application_id only, with the round it was added in).
create table materials (
    id                uuid        primary key,
    draft_id          uuid        references drafts (id),
    application_id    uuid        references applications (id),
    supplement_round  integer,                -- the how-many-th 待补正 of the application it came in
    section           text        not null,   -- MaterialSection: HOUSEHOLD, RESIDENCE, …
    media_type        text        not null,   -- detected from the content: image/jpeg, image/png, application/pdf
    file_name         text        not null,   -- sanitised, at most 100 characters
    size_bytes        bigint      not null check (size_bytes > 0),
    sha256            char(64)    not null,   -- of the file as uploaded, lower-case hex
    key_id            text        not null,   -- the AES key the content is sealed under
    content_cipher    bytea       not null,   -- AES-GCM of the file, bound to the material's id
    uploaded_at       timestamptz not null,
    check (draft_id is not null or application_id is not null),
    check (supplement_round is null or (application_id is not null and draft_id is null))
);
-- Sealed JPEG, PNG and PDF do not compress: store them out of line as they are.
alter table materials alter column content_cipher set storage external;
create index materials_by_draft on materials (draft_id) where draft_id is not null;
create index materials_by_application on materials (application_id) where application_id is not null;
