-- SMS notices of status changes (seed: 办理中, 待补正, 已退件, 已办结 each send one SMS), one row per
-- status-change event. The SMS gateway cannot deduplicate, so the row is claimed (SENDING) before
-- the gateway is called: a row found SENDING again means a process died mid-send, and it is
-- marked UNCERTAIN rather than sent a second time.
create table sms_notifications (
    event_id        uuid        primary key,
    application_id  uuid        not null references applications (id),
    to_status       text        not null,
    state           text        not null,   -- SENDING, SENT, FAILED (not sent; retried), UNCERTAIN
    attempts        integer     not null,
    message_id      text,
    last_error      text,
    created_at      timestamptz not null,
    updated_at      timestamptz not null
);
create index sms_notifications_by_application on sms_notifications (application_id);
