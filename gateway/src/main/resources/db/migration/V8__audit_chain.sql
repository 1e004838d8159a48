-- The tamper-evident audit log. The audit records of source queries (source_query_audit) and of
-- status changes (application_status_history) form ONE hash chain, ordered by chain_seq (1, 2, 3,
-- … without gaps, across both tables): each record carries the hash of the record before it
-- (prev_hash; the first one carries 64 zeros, the genesis) and its own hash (record_hash):
--
--   record_hash = lower-case hex of SHA-256( UTF-8 of canonical(record) )
--   canonical   = the elements below, each written as '~' when null, else as
--                 '<length of the text in UTF-8 bytes>:<text>', joined by '|':
--     'gx-audit-v1', <table name>, chain_seq, id, <the table's fields in the order below>, prev_hash
--   source_query_audit:          queried_at, client_id, application_id, verification_id, source,
--                                request_id, purpose, consent_id, consent_basis, status, reason,
--                                attempts, latency_ms
--   application_status_history:  application_id, from_status, to_status, actor, reason, changed_at
--   numbers in decimal, uuids in lower-case 8-4-4-4-12 form, timestamps as integer microseconds
--   since 1970-01-01T00:00:00Z.
--
-- A BEFORE INSERT trigger links every new record: it locks the chain's head (the one row of
-- audit_chain, SELECT … FOR UPDATE, held until the transaction ends), so concurrent transactions
-- append one after the other and the order of chain_seq is the order of commit. Whatever an insert
-- says about chain_seq, prev_hash or record_hash is overwritten. Records are append-only: UPDATE and
-- DELETE are refused by a trigger (TRUNCATE stays possible: tests clean up with it, and then
-- truncate audit_chain too, so the chain starts again at its genesis).
--
-- The gateway checks the chain independently of these functions (audit.AuditChainVerifier, GET
-- /api/v1/ops/audit/verification), recomputing every hash in Java from the documented form above.
--
-- Records stored before this version are chained here, in the order of their time (queried_at or
-- changed_at), then table name, then id; their consent_basis is derived from their application's
-- channel. Nothing else of them changes (an offline query's consent_id stays null). A writer of an
-- earlier version (rolling upgrade) that leaves consent_basis or an offline consent_id out gets them
-- filled in by the trigger the same way.

alter table source_query_audit
    add column consent_basis text,      -- ONLINE_CONSENT (portal consent id) or OFFLINE_COUNTER
    add column chain_seq     bigint,
    add column prev_hash     text,
    add column record_hash   text;

alter table application_status_history
    add column chain_seq     bigint,
    add column prev_hash     text,
    add column record_hash   text;

-- The chain's head: the last record's position and hash. Absent until the first record.
create table audit_chain (
    id          smallint    primary key check (id = 1),
    last_seq    bigint      not null,
    last_hash   text        not null,
    updated_at  timestamptz not null
);

create function audit_field(v text) returns text
    language sql immutable
    as $$ select case when v is null then '~' else octet_length(convert_to(v, 'UTF8'))::text || ':' || v end $$;

create function audit_micros(t timestamptz) returns text
    language sql immutable
    as $$ select ((extract(epoch from t) * 1000000)::bigint)::text $$;

create function audit_sha256(canonical text) returns text
    language sql immutable
    as $$ select encode(sha256(convert_to(canonical, 'UTF8')), 'hex') $$;

create function audit_canonical(r source_query_audit) returns text
    language sql stable
    as $$
    select concat_ws('|',
        audit_field('gx-audit-v1'), audit_field('source_query_audit'),
        audit_field(r.chain_seq::text), audit_field(r.id::text),
        audit_field(audit_micros(r.queried_at)), audit_field(r.client_id),
        audit_field(r.application_id::text), audit_field(r.verification_id),
        audit_field(r.source), audit_field(r.request_id), audit_field(r.purpose),
        audit_field(r.consent_id), audit_field(r.consent_basis), audit_field(r.status),
        audit_field(r.reason), audit_field(r.attempts::text), audit_field(r.latency_ms::text),
        audit_field(r.prev_hash))
    $$;

create function audit_canonical(r application_status_history) returns text
    language sql stable
    as $$
    select concat_ws('|',
        audit_field('gx-audit-v1'), audit_field('application_status_history'),
        audit_field(r.chain_seq::text), audit_field(r.id::text),
        audit_field(r.application_id::text), audit_field(r.from_status),
        audit_field(r.to_status), audit_field(r.actor), audit_field(r.reason),
        audit_field(audit_micros(r.changed_at)),
        audit_field(r.prev_hash))
    $$;

-- Chain the records stored before this version.
update source_query_audit s
   set consent_basis = case when a.channel = 'OFFLINE' then 'OFFLINE_COUNTER' else 'ONLINE_CONSENT' end
  from applications a
 where a.id = s.application_id;

do $$
declare
    r    record;
    seq  bigint := 0;
    prev text   := repeat('0', 64);
    h    text;
begin
    for r in
        select 'source_query_audit' as tbl, id, queried_at as happened_at from source_query_audit
        union all
        select 'application_status_history', id, changed_at from application_status_history
        order by happened_at, tbl, id
    loop
        seq := seq + 1;
        if r.tbl = 'source_query_audit' then
            update source_query_audit set chain_seq = seq, prev_hash = prev where id = r.id;
            select audit_sha256(audit_canonical(s)) into h from source_query_audit s where s.id = r.id;
            update source_query_audit set record_hash = h where id = r.id;
        else
            update application_status_history set chain_seq = seq, prev_hash = prev where id = r.id;
            select audit_sha256(audit_canonical(s)) into h from application_status_history s where s.id = r.id;
            update application_status_history set record_hash = h where id = r.id;
        end if;
        prev := h;
    end loop;
    if seq > 0 then
        insert into audit_chain (id, last_seq, last_hash, updated_at) values (1, seq, prev, now());
    end if;
end
$$;

alter table source_query_audit
    alter column consent_basis set not null,
    alter column chain_seq     set not null,
    alter column prev_hash     set not null,
    alter column record_hash   set not null,
    add constraint source_query_audit_consent_basis
        check (consent_basis in ('ONLINE_CONSENT', 'OFFLINE_COUNTER'));
-- Every query from now on names its consent (an offline one OFFLINE-COUNTER). NOT VALID: queries of
-- offline submissions stored before this version have none, and keep it that way.
alter table source_query_audit
    add constraint source_query_audit_consent_id_present check (consent_id is not null) not valid;
alter table application_status_history
    alter column chain_seq     set not null,
    alter column prev_hash     set not null,
    alter column record_hash   set not null;

create unique index source_query_audit_by_chain_seq on source_query_audit (chain_seq);
create unique index application_status_history_by_chain_seq on application_status_history (chain_seq);

-- The next position and the hash to link to, with the head locked until the transaction ends.
create function audit_chain_lock_head(out next_seq bigint, out prev_hash text)
    language plpgsql
    as $$
begin
    select last_seq + 1, last_hash into next_seq, prev_hash from audit_chain where id = 1 for update;
    if not found then
        insert into audit_chain (id, last_seq, last_hash, updated_at)
            values (1, 0, repeat('0', 64), now())
            on conflict (id) do nothing;
        select last_seq + 1, last_hash into next_seq, prev_hash from audit_chain where id = 1 for update;
    end if;
end
$$;

create function audit_chain_link_source_query() returns trigger
    language plpgsql
    as $$
declare
    head record;
begin
    -- A writer that does not say (a gateway of an earlier version, during a rolling upgrade) gets
    -- the basis its application's channel implies.
    if new.consent_basis is null then
        select case when a.channel = 'OFFLINE' then 'OFFLINE_COUNTER' else 'ONLINE_CONSENT' end
          into new.consent_basis
          from applications a where a.id = new.application_id;
    end if;
    if new.consent_id is null and new.consent_basis = 'OFFLINE_COUNTER' then
        new.consent_id := 'OFFLINE-COUNTER';
    end if;
    select * into head from audit_chain_lock_head();
    new.chain_seq := head.next_seq;
    new.prev_hash := head.prev_hash;
    new.record_hash := audit_sha256(audit_canonical(new));
    update audit_chain set last_seq = new.chain_seq, last_hash = new.record_hash, updated_at = now()
     where id = 1;
    return new;
end
$$;

create function audit_chain_link_status_change() returns trigger
    language plpgsql
    as $$
declare
    head record;
begin
    select * into head from audit_chain_lock_head();
    new.chain_seq := head.next_seq;
    new.prev_hash := head.prev_hash;
    new.record_hash := audit_sha256(audit_canonical(new));
    update audit_chain set last_seq = new.chain_seq, last_hash = new.record_hash, updated_at = now()
     where id = 1;
    return new;
end
$$;

create trigger source_query_audit_chain before insert on source_query_audit
    for each row execute function audit_chain_link_source_query();
create trigger application_status_history_chain before insert on application_status_history
    for each row execute function audit_chain_link_status_change();

create function audit_refuse_change() returns trigger
    language plpgsql
    as $$
begin
    raise exception 'audit records are append-only: % on % refused', tg_op, tg_table_name
        using errcode = 'raise_exception', hint = 'audit records can be neither changed nor deleted';
end
$$;

create trigger source_query_audit_append_only before update or delete on source_query_audit
    for each row execute function audit_refuse_change();
create trigger application_status_history_append_only before update or delete on application_status_history
    for each row execute function audit_refuse_change();

-- The head only moves forward, one record at a time, and is never deleted.
create function audit_chain_head_forward_only() returns trigger
    language plpgsql
    as $$
begin
    if tg_op = 'DELETE' or new.last_seq <> old.last_seq + 1 then
        raise exception 'the audit chain head only moves forward by one record: % refused', tg_op
            using errcode = 'raise_exception';
    end if;
    return new;
end
$$;

create trigger audit_chain_forward_only before update or delete on audit_chain
    for each row execute function audit_chain_head_forward_only();
