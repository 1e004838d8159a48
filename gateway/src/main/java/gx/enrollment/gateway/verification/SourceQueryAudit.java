package gx.enrollment.gateway.verification;

import gx.enrollment.connectors.IdNumbers;
import gx.enrollment.connectors.QueryContext;
import gx.enrollment.connectors.SourceResult;
import gx.enrollment.gateway.submission.QueryConsent;
import gx.enrollment.gateway.submission.Submission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit trail of source queries as log lines: who asked which source about whom, for what
 * purpose, under which consent, and what came of it. Written to the {@code AUDIT} logger with
 * identifiers masked; the durable, hash-chained record is {@link VerificationRecords}'.
 */
public class SourceQueryAudit {

  private static final Logger audit = LoggerFactory.getLogger("AUDIT");

  public void record(
      String verificationId,
      QueryContext context,
      QueryConsent consent,
      Submission submission,
      SourceResult result) {
    audit.info(
        "source-query verification={} requestId={} source={} purpose={} channel={}"
            + " consentBasis={} consent={} area={} child={} guardian={} status={} reason={}"
            + " attempts={} latencyMs={}",
        verificationId,
        context.requestId(),
        result.source(),
        context.purpose(),
        submission.channel(),
        consent.basis(),
        context.consentId(),
        submission.area().code(),
        IdNumbers.mask(submission.student().idNumber().value()),
        IdNumbers.mask(submission.guardian().idNumber().value()),
        result.status(),
        result.reason() == null ? "-" : result.reason(),
        result.attempts(),
        result.latencyMs());
  }
}
