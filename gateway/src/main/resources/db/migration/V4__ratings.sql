-- 办件评价: the parent's rating of the service, once per application.
create table ratings (
    application_id  uuid        primary key references applications (id),
    score           smallint    not null check (score between 1 and 5),
    comment         text,
    rated_at        timestamptz not null
);
