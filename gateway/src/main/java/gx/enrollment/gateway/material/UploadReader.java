package gx.enrollment.gateway.material;

import gx.enrollment.gateway.submission.FieldError;
import gx.enrollment.gateway.web.ProblemException;
import gx.enrollment.gateway.web.ProblemType;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.codec.multipart.FilePartEvent;
import org.springframework.http.codec.multipart.FormPartEvent;
import org.springframework.http.codec.multipart.PartEvent;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads one upload — a {@code multipart/form-data} body with a {@code section} field and one {@code
 * file} part — from the stream of part events as it arrives, chunk by chunk: each chunk is counted,
 * added to the SHA-256 and copied out, and its buffer released at once. Reading stops, refusing the
 * upload, as soon as the file is over the limit ({@code 413 file-too-large}) or its first bytes are
 * not a JPEG, PNG or PDF ({@code 415 unsupported-file-type}); the rest of the body is never read.
 * The file is held in memory only up to the limit. One reader per request; not thread-safe (part
 * events arrive one at a time).
 */
final class UploadReader {

  static final String FILE = "file";
  static final String SECTION = "section";

  private static final int FIRST_CAPACITY = 64 * 1024;
  private static final int MAX_SHOWN_NAME = 40;

  private final long maxFileSize;
  private final MessageDigest sha256 = sha256();
  private byte[] content = new byte[0];
  private int size;
  private @Nullable MaterialType type;
  private @Nullable MaterialSection section;
  private @Nullable String fileName;
  private boolean fileStarted;
  private boolean fileComplete;

  private UploadReader(long maxFileSize) {
    this.maxFileSize = maxFileSize;
  }

  /**
   * The upload in {@code events}, or a refusal: {@code 400 invalid-request} naming the bad or
   * missing fields, {@code 413 file-too-large}, {@code 415 unsupported-file-type}.
   */
  static Mono<Upload> read(Flux<PartEvent> events, long maxFileSize) {
    return Mono.defer(
        () -> {
          UploadReader reader = new UploadReader(maxFileSize);
          return events
              // Part events still queued upstream when reading stops early: their buffers go back
              // too. Scoped to the reader's operators: each event that reaches accept is released
              // there, once (then() below discards the events it ignores, and must not again).
              .doOnDiscard(PartEvent.class, event -> DataBufferUtils.release(event.content()))
              .doOnNext(reader::accept)
              .then(Mono.fromCallable(reader::finish))
              .onErrorMap(UploadReader::overALimit, reader::tooLarge);
        });
  }

  private void accept(PartEvent event) {
    DataBuffer buffer = event.content();
    try {
      String name = event.headers().getContentDisposition().getName();
      if (name == null) {
        throw invalid("(part)", "UNNAMED_PART", "every part needs a name: section and file");
      }
      if (event instanceof FormPartEvent form) {
        field(name, form.value());
        return;
      }
      if (!FILE.equals(name)) {
        throw invalid(
            shown(name), "UNKNOWN_PART", "only the parts section (a field) and file are expected");
      }
      if (fileComplete) {
        throw invalid(FILE, "MORE_THAN_ONE", "one file per upload");
      }
      if (!fileStarted) {
        fileStarted = true;
        fileName = event instanceof FilePartEvent file ? file.filename() : null;
      }
      append(buffer);
      if (event.isLast()) {
        fileComplete = true;
      }
    } finally {
      DataBufferUtils.release(buffer);
    }
  }

  private void field(String name, String value) {
    if (SECTION.equals(name)) {
      if (section != null) {
        throw invalid(SECTION, "MORE_THAN_ONE", "section is given more than once");
      }
      section = section(value);
    } else if (FILE.equals(name)) {
      throw invalid(
          FILE,
          "NOT_A_FILE",
          "file must be sent as a file part with a file name (curl -F file=@scan.pdf)");
    } else {
      throw invalid(
          shown(name), "UNKNOWN_PART", "only the parts section (a field) and file are expected");
    }
  }

  private void append(DataBuffer buffer) {
    int count = buffer.readableByteCount();
    if ((long) size + count > maxFileSize) {
      throw fileTooLarge();
    }
    if (size + count > content.length) {
      int wanted = Math.max(size + count, Math.max(FIRST_CAPACITY, content.length * 2));
      content = Arrays.copyOf(content, (int) Math.min(wanted, maxFileSize));
    }
    buffer.read(content, size, count);
    sha256.update(content, size, count);
    size += count;
    if (type == null && size >= MaterialType.SIGNATURE_BYTES) {
      type = sniff();
    }
  }

  private Upload finish() {
    List<FieldError> errors = new ArrayList<>();
    if (section == null) {
      errors.add(
          new FieldError(SECTION, "REQUIRED", "section is required, one of " + sectionNames()));
    }
    if (!fileStarted) {
      errors.add(new FieldError(FILE, "REQUIRED", "file is required (a JPEG, PNG or PDF)"));
    } else if (size == 0) {
      errors.add(new FieldError(FILE, "EMPTY", "file is empty"));
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalidRequest(errors);
    }
    MaterialType detected = type == null ? sniff() : type;
    return new Upload(
        section,
        MaterialFileNames.sanitise(fileName, detected),
        detected,
        content,
        size,
        HexFormat.of().formatHex(sha256.digest()));
  }

  private MaterialType sniff() {
    return MaterialType.sniff(content, size)
        .orElseThrow(
            () ->
                new ProblemException(
                    ProblemType.UNSUPPORTED_FILE_TYPE,
                    "the file is not a JPEG, PNG or PDF by its content (whatever its name or"
                        + " declared type); photograph or scan the document as JPEG, PNG or PDF",
                    List.of()));
  }

  /**
   * The multipart reader's own limits: its part size (set to ours, and checked before a chunk is
   * handed on, so usually first) or its in-memory size of a field. WebFlux may wrap the exception.
   */
  private static boolean overALimit(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof DataBufferLimitException) {
        return true;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }

  private Throwable tooLarge(Throwable limit) {
    return fileStarted && !fileComplete
        ? fileTooLarge()
        : new ProblemException(
            ProblemType.PAYLOAD_TOO_LARGE,
            "a field or part of the upload is over its size limit",
            List.of());
  }

  private ProblemException fileTooLarge() {
    return new ProblemException(
        ProblemType.FILE_TOO_LARGE,
        "the file is over the limit of " + maxFileSize + " bytes",
        List.of(),
        java.util.Map.of("maxFileSize", maxFileSize));
  }

  private static MaterialSection section(String value) {
    try {
      return MaterialSection.valueOf(value.strip());
    } catch (IllegalArgumentException e) {
      throw invalid(SECTION, "UNKNOWN_VALUE", "section must be one of " + sectionNames());
    }
  }

  private static String sectionNames() {
    return Arrays.toString(MaterialSection.values());
  }

  private static String shown(String name) {
    String printable = name.replaceAll("[^\\p{L}\\p{N}_.-]", "?");
    return printable.length() > MAX_SHOWN_NAME
        ? printable.substring(0, MAX_SHOWN_NAME) + "…"
        : printable;
  }

  private static ProblemException invalid(String field, String code, String message) {
    return ProblemException.invalidRequest(List.of(new FieldError(field, code, message)));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM offers no SHA-256", e);
    }
  }
}
