-- Reviewers' decisions (受理, 补齐补正, 退件, 办结), idempotent by the reviewer tool's decision id.
-- A decision that does not fit the application's status is kept as REJECTED, not applied.
create table review_decisions (
    decision_id     text        primary key,
    application_id  uuid        not null references applications (id),
    decision        text        not null,   -- ACCEPT, REQUEST_SUPPLEMENT, RETURN, COMPLETE
    reviewer        text        not null,
    outcome         text        not null,   -- APPLIED, REJECTED
    from_status     text        not null,
    to_status       text,                   -- null when rejected
    note            text,                   -- the reason given, or why it was rejected
    details         jsonb       not null,   -- supplements asked for, admission result
    received_at     timestamptz not null
);
create index review_decisions_by_application on review_decisions (application_id, received_at);
