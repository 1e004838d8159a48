package gx.enrollment.gateway.material;

import static org.assertj.core.api.Assertions.assertThat;

import gx.enrollment.gateway.support.Families;
import gx.enrollment.gateway.support.StubbedGateway;
import gx.enrollment.mocks.population.Family;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

/**
 * Materials end to end on the real application and database: what is accepted and stored, what is
 * refused (and then nothing is stored), and how materials follow a draft into its application.
 */
class MaterialsTests extends StubbedGateway {

  private static final String DRAFTS = "/api/v1/applications/drafts";

  @Test
  void refuses_a_renamed_executable_whatever_its_name_and_declared_type() {
    String draft = newDraft();
    byte[] exe = withHead(new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0}, 4096);

    EntityExchangeResult<JsonNode> refused =
        upload(draftMaterials(draft), "HOUSEHOLD", "photo.jpg", MediaType.IMAGE_JPEG, exe);

    assertThat(refused.getStatus().value()).isEqualTo(415);
    assertThat(refused.getResponseHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(refused.getResponseBody().get("type").asText()).endsWith("/unsupported-file-type");
    assertThat(value("select count(*) from materials")).isEqualTo("0");
  }

  @Test
  void accepts_jpeg_png_and_pdf_recording_what_the_content_is_and_its_sha256() throws Exception {
    String draft = newDraft();
    byte[] jpeg = jpeg(40_000);
    byte[] png = png(30_000);
    byte[] pdf = pdf(50_000);

    // Declared types that lie do not matter: the content decides.
    JsonNode first =
        created(upload(draftMaterials(draft), "HOUSEHOLD", "户口簿.jpg", MediaType.IMAGE_JPEG, jpeg));
    JsonNode second =
        created(
            upload(
                draftMaterials(draft),
                "RESIDENCE_PERMIT",
                "居住证",
                MediaType.APPLICATION_OCTET_STREAM,
                png));
    JsonNode third =
        created(upload(draftMaterials(draft), "RESIDENCE", "房产证.pdf", MediaType.IMAGE_PNG, pdf));

    assertThat(first.get("mediaType").asText()).isEqualTo("image/jpeg");
    assertThat(second.get("mediaType").asText()).isEqualTo("image/png");
    assertThat(second.get("fileName").asText()).isEqualTo("居住证.png");
    assertThat(third.get("mediaType").asText()).isEqualTo("application/pdf");
    assertThat(first.get("sha256").asText()).isEqualTo(sha256(jpeg));
    assertThat(second.get("sha256").asText()).isEqualTo(sha256(png));
    assertThat(third.get("sha256").asText()).isEqualTo(sha256(pdf));
    assertThat(third.get("size").asLong()).isEqualTo(pdf.length);
    assertThat(third.get("section").asText()).isEqualTo("RESIDENCE");
    assertThat(values("select sha256 from materials order by uploaded_at, id"))
        .containsExactly(sha256(jpeg), sha256(png), sha256(pdf));
    assertThat(values("select media_type from materials order by uploaded_at, id"))
        .containsExactly("image/jpeg", "image/png", "application/pdf");
    JsonNode list = get(draftMaterials(draft));
    assertThat(list.get("count").asInt()).isEqualTo(3);
    assertThat(list.get("totalSize").asLong()).isEqualTo(jpeg.length + png.length + pdf.length);
    assertDownloads(
        draftMaterials(draft) + "/" + third.get("id").asText(), pdf, "application/pdf", "房产证.pdf");
    // Stored sealed: the file itself is nowhere in the table.
    assertThat(
            value(
                "select count(*) from materials where position(decode('"
                    + HexFormat.of().formatHex(Arrays.copyOfRange(pdf, 0, 64))
                    + "', 'hex') in content_cipher) > 0"))
        .isEqualTo("0");
  }

  @Test
  void refuses_an_oversized_file_while_it_streams_in_and_stores_nothing() {
    String draft = newDraft();
    int chunk = 8 * 1024;
    int chunks = 4 * MATERIAL_MAX_FILE_SIZE / chunk; // four times the limit…
    AtomicInteger sent = new AtomicInteger();
    byte[] head = jpeg(chunk);
    byte[] rest = new byte[chunk];
    Flux<DataBuffer> body =
        Flux.range(0, chunks)
            .map(
                i -> {
                  sent.incrementAndGet();
                  return DefaultDataBufferFactory.sharedInstance.wrap(i == 0 ? head : rest);
                });
    // … and then the body never ends: a gateway that waited for the whole file (or the whole
    // request) before judging it would never answer.
    Flux<DataBuffer> multipart =
        Flux.concat(
            Flux.just(
                buffer(field("section", "HOUSEHOLD") + fileHead("big.jpg", MediaType.IMAGE_JPEG))),
            body,
            Flux.never());

    EntityExchangeResult<JsonNode> refused =
        client
            .post()
            .uri(draftMaterials(draft))
            .contentType(MULTIPART)
            .body(multipart, DataBuffer.class)
            .exchange()
            .expectBody(JsonNode.class)
            .returnResult();

    assertThat(refused.getStatus().value()).isEqualTo(413);
    assertThat(refused.getResponseBody().get("type").asText()).endsWith("/file-too-large");
    assertThat(refused.getResponseBody().get("maxFileSize").asLong())
        .isEqualTo(MATERIAL_MAX_FILE_SIZE);
    assertThat(value("select count(*) from materials")).isEqualTo("0");
    assertThat(sent.get())
        .as("chunks sent before the answer")
        .isGreaterThan(MATERIAL_MAX_FILE_SIZE / chunk);
  }

  @Test
  void refuses_a_declared_length_over_the_limit_before_reading_it() {
    String draft = newDraft();

    EntityExchangeResult<JsonNode> refused =
        upload(
            draftMaterials(draft),
            "HOUSEHOLD",
            "big.jpg",
            MediaType.IMAGE_JPEG,
            jpeg(5 * MATERIAL_MAX_FILE_SIZE));

    assertThat(refused.getStatus().value()).isEqualTo(413);
    assertThat(refused.getResponseBody().get("type").asText()).endsWith("/payload-too-large");
    assertThat(value("select count(*) from materials")).isEqualTo("0");
  }

  @Test
  void holds_a_draft_to_the_total_size_and_the_number_of_files() {
    String draft = newDraft();
    int size = MATERIAL_MAX_FILE_SIZE - 1024; // two fit in the total, a third does not
    created(upload(draftMaterials(draft), "HOUSEHOLD", "a.jpg", MediaType.IMAGE_JPEG, jpeg(size)));
    created(upload(draftMaterials(draft), "RESIDENCE", "b.png", MediaType.IMAGE_PNG, png(size)));

    EntityExchangeResult<JsonNode> tooMuch =
        upload(draftMaterials(draft), "EMPLOYMENT", "c.pdf", MediaType.APPLICATION_PDF, pdf(size));

    assertThat(tooMuch.getStatus().value()).isEqualTo(413);
    assertThat(tooMuch.getResponseBody().get("type").asText()).endsWith("/materials-too-large");
    assertThat(value("select count(*) from materials")).isEqualTo("2");

    String other = newDraft();
    for (int i = 0; i < MATERIAL_MAX_FILES; i++) {
      created(upload(draftMaterials(other), "OTHER", i + ".png", MediaType.IMAGE_PNG, png(100)));
    }
    EntityExchangeResult<JsonNode> tooMany =
        upload(draftMaterials(other), "OTHER", "x.png", MediaType.IMAGE_PNG, png(100));
    assertThat(tooMany.getStatus().value()).isEqualTo(409);
    assertThat(tooMany.getResponseBody().get("type").asText()).endsWith("/too-many-materials");
    assertThat(value("select count(*) from materials"))
        .isEqualTo(String.valueOf(2 + MATERIAL_MAX_FILES));
  }

  @Test
  void names_every_missing_or_bad_field() {
    String draft = newDraft();

    EntityExchangeResult<JsonNode> unknown =
        send(
            draftMaterials(draft),
            field("section", "PASSPORT") + fileHead("a.jpg", MediaType.IMAGE_JPEG),
            jpeg(100));
    EntityExchangeResult<JsonNode> missing =
        send(draftMaterials(draft), field("section", "HOUSEHOLD"), null);
    EntityExchangeResult<JsonNode> notAFile =
        send(draftMaterials(draft), field("section", "HOUSEHOLD") + field("file", "abc"), null);

    assertThat(unknown.getStatus().value()).isEqualTo(400);
    assertThat(unknown.getResponseBody().at("/errors/0/field").asText()).isEqualTo("section");
    assertThat(unknown.getResponseBody().at("/errors/0/code").asText()).isEqualTo("UNKNOWN_VALUE");
    assertThat(missing.getStatus().value()).isEqualTo(400);
    assertThat(missing.getResponseBody().at("/errors/0/field").asText()).isEqualTo("file");
    assertThat(missing.getResponseBody().at("/errors/0/code").asText()).isEqualTo("REQUIRED");
    assertThat(notAFile.getStatus().value()).isEqualTo(400);
    assertThat(notAFile.getResponseBody().at("/errors/0/code").asText()).isEqualTo("NOT_A_FILE");
    assertThat(value("select count(*) from materials")).isEqualTo("0");
  }

  @Test
  void materials_go_with_the_draft_into_the_application_and_are_fixed_once_submitted()
      throws Exception {
    Family family = stubs.population().family("local-owner");
    String draft = post(DRAFTS, Families.submission(family, "A"), 201).get("draftId").asText();
    byte[] household = jpeg(20_000);
    byte[] certificate = pdf(30_000);
    String kept =
        created(
                upload(
                    draftMaterials(draft), "HOUSEHOLD", "户口簿.jpg", MediaType.IMAGE_JPEG, household))
            .get("id")
            .asText();
    String removed =
        created(upload(draftMaterials(draft), "OTHER", "错的.png", MediaType.IMAGE_PNG, png(500)))
            .get("id")
            .asText();
    String certificateId =
        created(
                upload(
                    draftMaterials(draft),
                    "RESIDENCE",
                    "不动产权证书.pdf",
                    MediaType.APPLICATION_PDF,
                    certificate))
            .get("id")
            .asText();

    assertThat(delete(draftMaterials(draft) + "/" + removed).getStatus().value()).isEqualTo(204);
    String application =
        post(DRAFTS + "/" + draft + "/submission", null, 200).get("applicationId").asText();

    JsonNode view = get("/api/v1/applications/" + application);
    assertThat(view.get("materials").findValuesAsString("id")).containsExactly(kept, certificateId);
    assertThat(view.at("/materials/0/sha256").asText()).isEqualTo(sha256(household));
    assertThat(view.at("/materials/1/section").asText()).isEqualTo("RESIDENCE");
    assertThat(get(applicationMaterials(application)).get("count").asInt()).isEqualTo(2);
    assertDownloads(
        applicationMaterials(application) + "/" + certificateId,
        certificate,
        "application/pdf",
        "不动产权证书.pdf");

    EntityExchangeResult<JsonNode> fromDraft = delete(draftMaterials(draft) + "/" + kept);
    assertThat(fromDraft.getStatus().value()).isEqualTo(409);
    assertThat(fromDraft.getResponseBody().get("currentStatus").asText()).isEqualTo("SUBMITTED");
    EntityExchangeResult<JsonNode> fromApplication =
        delete(applicationMaterials(application) + "/" + kept);
    assertThat(fromApplication.getStatus().value()).isEqualTo(409);
    assertThat(fromApplication.getResponseBody().get("currentStatus").asText())
        .isEqualTo("PENDING_ACCEPTANCE");
    EntityExchangeResult<JsonNode> added =
        upload(draftMaterials(draft), "OTHER", "晚了.png", MediaType.IMAGE_PNG, png(500));
    assertThat(added.getStatus().value()).isEqualTo(409);
    EntityExchangeResult<JsonNode> addedToApplication =
        upload(applicationMaterials(application), "OTHER", "晚了.png", MediaType.IMAGE_PNG, png(500));
    assertThat(addedToApplication.getStatus().value()).isEqualTo(409);
    assertThat(addedToApplication.getResponseBody().get("currentStatus").asText())
        .isEqualTo("PENDING_ACCEPTANCE");
    assertThat(values("select application_id::text from materials order by uploaded_at, id"))
        .containsExactly(application, application);
  }

  @Test
  void takes_more_materials_while_a_supplement_is_asked_for_and_lets_only_those_go()
      throws Exception {
    Family family = stubs.population().family("local-owner");
    String draft = post(DRAFTS, Families.submission(family, "A"), 201).get("draftId").asText();
    String original =
        created(
                upload(
                    draftMaterials(draft),
                    "RESIDENCE",
                    "旧.pdf",
                    MediaType.APPLICATION_PDF,
                    pdf(900)))
            .get("id")
            .asText();
    String application =
        post(DRAFTS + "/" + draft + "/submission", null, 200).get("applicationId").asText();
    askForSupplement(application);

    byte[] better = jpeg(5_000);
    String mistaken =
        created(
                upload(
                    applicationMaterials(application),
                    "RESIDENCE",
                    "x.jpg",
                    MediaType.IMAGE_JPEG,
                    jpeg(700)))
            .get("id")
            .asText();
    String supplement =
        created(
                upload(
                    applicationMaterials(application),
                    "RESIDENCE",
                    "新.jpg",
                    MediaType.IMAGE_JPEG,
                    better))
            .get("id")
            .asText();

    assertThat(delete(applicationMaterials(application) + "/" + mistaken).getStatus().value())
        .isEqualTo(204);
    EntityExchangeResult<JsonNode> submittedBefore =
        delete(applicationMaterials(application) + "/" + original);
    assertThat(submittedBefore.getStatus().value()).isEqualTo(409);
    assertThat(submittedBefore.getResponseBody().get("currentStatus").asText())
        .isEqualTo("NEEDS_SUPPLEMENT");
    post(
        "/api/v1/applications/" + application + "/supplement",
        Families.submission(family, "A"),
        200);
    EntityExchangeResult<JsonNode> afterwards =
        delete(applicationMaterials(application) + "/" + supplement);
    assertThat(afterwards.getStatus().value()).isEqualTo(409);
    assertThat(afterwards.getResponseBody().get("currentStatus").asText())
        .isEqualTo("PENDING_ACCEPTANCE");
    assertThat(get(applicationMaterials(application)).get("materials").findValuesAsString("id"))
        .containsExactly(original, supplement);
    assertDownloads(
        applicationMaterials(application) + "/" + supplement, better, "image/jpeg", "新.jpg");
  }

  @Test
  void answers_not_found_for_unknown_owners_and_materials() {
    String draft = newDraft();
    String nobody = "0192a3b4-0000-7000-8000-00000000dead";

    assertThat(
            upload(draftMaterials(nobody), "OTHER", "a.png", MediaType.IMAGE_PNG, png(100))
                .getStatus()
                .value())
        .isEqualTo(404);
    assertThat(
            client
                .get()
                .uri(draftMaterials(draft) + "/" + nobody)
                .exchange()
                .expectBody(JsonNode.class)
                .returnResult()
                .getStatus()
                .value())
        .isEqualTo(404);
    assertThat(
            client
                .get()
                .uri(applicationMaterials(nobody))
                .exchange()
                .expectBody(JsonNode.class)
                .returnResult()
                .getStatus()
                .value())
        .isEqualTo(404);
  }

  // ------------------------------------------------------------------ helpers

  private void assertDownloads(String uri, byte[] expected, String type, String fileName)
      throws Exception {
    EntityExchangeResult<byte[]> download =
        client.get().uri(uri).exchange().expectBody(byte[].class).returnResult();
    assertThat(download.getStatus().value()).isEqualTo(200);
    assertThat(download.getResponseBody()).isEqualTo(expected);
    HttpHeaders headers = download.getResponseHeaders();
    assertThat(headers.getContentType()).isEqualTo(MediaType.parseMediaType(type));
    ContentDisposition disposition = headers.getContentDisposition();
    assertThat(disposition.isAttachment()).isTrue();
    assertThat(disposition.getFilename()).isEqualTo(fileName);
    assertThat(headers.getETag()).isEqualTo("\"" + sha256(expected) + "\"");
    assertThat(headers.getFirst("Repr-Digest"))
        .isEqualTo(
            "sha-256=:"
                + Base64.getEncoder()
                    .encodeToString(MessageDigest.getInstance("SHA-256").digest(expected))
                + ":");
    assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
  }

  private void askForSupplement(String id) {
    JsonNode asked =
        post(
            "/api/v1/review/decisions",
            Map.of(
                "decisionId",
                "m-" + id,
                "applicationId",
                id,
                "decision",
                "REQUEST_SUPPLEMENT",
                "reviewer",
                "r-9",
                "reason",
                "房产证照片不清晰",
                "supplements",
                List.of("不动产权证书照片")),
            200);
    assertThat(asked.get("outcome").asText()).isEqualTo("APPLIED");
  }

  private String newDraft() {
    Family family = stubs.population().family("local-simple");
    return post(DRAFTS, Map.of("student", Families.submission(family, "B").get("student")), 201)
        .get("draftId")
        .asText();
  }

  private static String draftMaterials(String draft) {
    return DRAFTS + "/" + draft + "/materials";
  }

  private static String applicationMaterials(String application) {
    return "/api/v1/applications/" + application + "/materials";
  }

  // Multipart bodies are written here rather than by WebClient's writer, whose boundary comes from
  // a SecureRandom that reads /dev/urandom on the client's event loop (BlockHound refuses it).
  private static final String BOUNDARY = "----materials-test-boundary-7MA4YWxkTrZu0gW";
  private static final String CRLF = "\r\n";
  private static final MediaType MULTIPART =
      MediaType.parseMediaType("multipart/form-data; boundary=" + BOUNDARY);

  private static String field(String name, String value) {
    return "--"
        + BOUNDARY
        + CRLF
        + "Content-Disposition: form-data; name=\""
        + name
        + "\""
        + CRLF
        + CRLF
        + value
        + CRLF;
  }

  private static String fileHead(String fileName, MediaType declared) {
    return "--"
        + BOUNDARY
        + CRLF
        + "Content-Disposition: form-data; name=\"file\"; filename=\""
        + fileName
        + "\""
        + CRLF
        + "Content-Type: "
        + declared
        + CRLF
        + CRLF;
  }

  private static DataBuffer buffer(String text) {
    return DefaultDataBufferFactory.sharedInstance.wrap(text.getBytes(StandardCharsets.UTF_8));
  }

  private EntityExchangeResult<JsonNode> upload(
      String uri, String section, String fileName, MediaType declared, byte[] content) {
    return send(uri, field("section", section) + fileHead(fileName, declared), content);
  }

  /**
   * {@code head} then, if given, a file's content and the end of its part; then the last boundary.
   */
  private EntityExchangeResult<JsonNode> send(String uri, String head, byte[] content) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
    if (content != null) {
      body.writeBytes(content);
      body.writeBytes(CRLF.getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(("--" + BOUNDARY + "--" + CRLF).getBytes(StandardCharsets.UTF_8));
    return client
        .post()
        .uri(uri)
        .contentType(MULTIPART)
        .bodyValue(body.toByteArray())
        .exchange()
        .expectBody(JsonNode.class)
        .returnResult();
  }

  private static JsonNode created(EntityExchangeResult<JsonNode> result) {
    assertThat(result.getStatus().value())
        .as("upload answered %s", result.getResponseBody())
        .isEqualTo(201);
    assertThat(result.getResponseHeaders().getLocation().toString())
        .endsWith("/materials/" + result.getResponseBody().get("id").asText());
    return result.getResponseBody();
  }

  private JsonNode get(String uri) {
    EntityExchangeResult<JsonNode> result =
        client.get().uri(uri).exchange().expectBody(JsonNode.class).returnResult();
    assertThat(result.getStatus().value())
        .as("GET %s: %s", uri, result.getResponseBody())
        .isEqualTo(200);
    return result.getResponseBody();
  }

  private JsonNode post(String uri, Object body, int status) {
    var request = client.post().uri(uri);
    EntityExchangeResult<JsonNode> result =
        (body == null
                ? request.exchange()
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange())
            .expectBody(JsonNode.class)
            .returnResult();
    assertThat(result.getStatus().value())
        .as("POST %s answered %s", uri, result.getResponseBody())
        .isEqualTo(status);
    return result.getResponseBody();
  }

  private EntityExchangeResult<JsonNode> delete(String uri) {
    return client
        .method(HttpMethod.DELETE)
        .uri(uri)
        .exchange()
        .expectBody(JsonNode.class)
        .returnResult();
  }

  private static byte[] jpeg(int size) {
    return withHead(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}, size);
  }

  private static byte[] png(int size) {
    return withHead(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, size);
  }

  private static byte[] pdf(int size) {
    return withHead("%PDF-1.7\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII), size);
  }

  private static final Random RANDOM = new Random(42);

  private static byte[] withHead(byte[] head, int size) {
    byte[] content = new byte[size];
    RANDOM.nextBytes(content);
    System.arraycopy(head, 0, content, 0, head.length);
    return content;
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
