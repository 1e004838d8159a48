-- The operator console (GET /api/v1/ops/console) reads the last minutes of source queries and the
-- last verifications every 2 s: both by time, so both get an index by time. The audit index
-- carries what the latency percentiles and failure reasons need, so they read the index only.
create index source_query_audit_by_time
    on source_query_audit (queried_at) include (source, status, reason, latency_ms);

create index verification_reports_by_completion
    on verification_reports (completed_at desc);
