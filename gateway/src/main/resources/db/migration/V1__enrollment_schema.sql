-- The enrollment gateway's storage. Personal identifiers (ID numbers, phones) are never stored in
-- clear: each is an AES-GCM ciphertext (with the id of the key that made it, for rotation) and,
-- where we look people up, an HMAC-SHA256 of the value under a separate key.

-- One application (办件) per submission. The submitted form, without ID numbers and phones, is
-- kept as JSONB; the columns hold what we query by.
create table applications (
    id                    uuid primary key,
    reference             text        not null unique,             -- GX2024-000123, shown to parents
    client_id             text        not null,                    -- the portal that submitted it
    school_year           integer     not null,
    stage                 text        not null,
    form_type             text        not null,
    region_code           char(6)     not null,
    channel               text        not null,
    status                text        not null,
    child_id_hash         bytea       not null,
    child_id_cipher       bytea       not null,
    guardian_id_hash      bytea       not null,
    guardian_id_cipher    bytea       not null,
    guardian_phone_cipher bytea       not null,
    key_id                text        not null,                    -- the AES key the ciphers were made with
    form                  jsonb       not null,
    verify_attempts       integer     not null default 0,
    verify_lease_until    timestamptz,                             -- a worker verifying it holds it until then
    created_at            timestamptz not null,
    updated_at            timestamptz not null
);

-- One child, one active application per school year, whatever the channel: the database, not the
-- application code, decides who wins a race. Returned (已退件) and withdrawn (已撤销) applications
-- free the child for a new one (再办一单).
create unique index applications_one_active_per_child
    on applications (school_year, child_id_hash)
    where status not in ('RETURNED', 'WITHDRAWN');

create index applications_waiting_for_verification
    on applications (created_at)
    where status = 'RECEIVED';

create sequence application_reference_seq;

-- Every status an application has had, with who moved it and why.
create table application_status_history (
    id              bigserial primary key,
    application_id  uuid        not null references applications (id),
    from_status     text,
    to_status       text        not null,
    actor           text        not null,   -- SYSTEM, PARENT, REVIEWER:<id>, …
    reason          text,
    changed_at      timestamptz not null
);
create index application_status_history_by_application
    on application_status_history (application_id, id);

-- The guardian's real-name attestation and consent to query sensitive data (PIPL).
create table consents (
    application_id      uuid        not null references applications (id),
    consent_id          text        not null,
    granted_at          timestamptz not null,
    real_name_verified  boolean     not null,
    recorded_at         timestamptz not null,
    primary key (application_id, consent_id)
);

-- Verification reports: the first when submitted, later ones when a source that was unavailable
-- is asked again.
create table verification_reports (
    id              text        primary key,                       -- v-<uuid v7>
    application_id  uuid        not null references applications (id),
    outcome         text        not null,
    report          jsonb       not null,
    completed_at    timestamptz not null
);
create index verification_reports_by_application
    on verification_reports (application_id, completed_at desc);

create table source_results (
    verification_id text    not null references verification_reports (id),
    source          text    not null,
    status          text    not null,
    reason          text,
    latency_ms      integer not null,
    attempts        integer not null,
    checks          jsonb   not null,
    primary key (verification_id, source)
);

-- Who asked which source about which application, for what purpose, under which consent, and
-- what came of it. Append-only.
create table source_query_audit (
    id              bigserial   primary key,
    queried_at      timestamptz not null,
    client_id       text        not null,
    application_id  uuid        not null references applications (id),
    verification_id text        not null,
    source          text        not null,
    request_id      text        not null,
    purpose         text        not null,
    consent_id      text,
    status          text        not null,
    reason          text,
    attempts        integer     not null,
    latency_ms      integer     not null
);
create index source_query_audit_by_application on source_query_audit (application_id, id);

-- Idempotency-Key: the first answer to a (client, key), replayed for retries of the same body.
create table idempotency_keys (
    client_id       text        not null,
    idempotency_key text        not null,
    request_hash    bytea       not null,   -- SHA-256 of the request body
    state           text        not null,   -- IN_PROGRESS, COMPLETED
    application_id  uuid,
    response_status integer,
    response_body   text,                   -- the answer as sent, replayed byte for byte
    created_at      timestamptz not null,
    completed_at    timestamptz,
    primary key (client_id, idempotency_key)
);

-- Transactional outbox: written in the same transaction as the change it announces, relayed to
-- Kafka by OutboxRelay. Rows of one application share a lane, and one relay at a time owns a
-- lane, so one application's events reach Kafka in order even with several gateway instances.
create table outbox (
    id            bigserial   primary key,
    event_id      uuid        not null unique,
    topic         text        not null,
    event_key     text        not null,      -- the application id: Kafka's partition key
    event_type    text        not null,
    lane          smallint    not null,
    payload       jsonb       not null,
    created_at    timestamptz not null,
    sent_at       timestamptz,
    attempts      integer     not null default 0,
    last_error    text
);
create index outbox_unsent on outbox (lane, id) where sent_at is null;
