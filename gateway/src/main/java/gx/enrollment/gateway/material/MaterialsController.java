package gx.enrollment.gateway.material;

import gx.enrollment.gateway.web.PathIds;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.PartEvent;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Materials (材料) of a draft, {@code /api/v1/applications/drafts/{draftId}/materials}, and of an
 * application, {@code /api/v1/applications/{applicationId}/materials}: upload ({@code
 * multipart/form-data} with a {@code section} field and a {@code file} part), list, download and
 * remove. The body of an upload is read as part events, never buffered by the framework.
 */
@RestController
public class MaterialsController {

  static final String DRAFT_MATERIALS = "/api/v1/applications/drafts/{draftId}/materials";
  static final String APPLICATION_MATERIALS = "/api/v1/applications/{applicationId}/materials";

  private final MaterialService materials;

  public MaterialsController(MaterialService materials) {
    this.materials = materials;
  }

  /** The materials of a draft or application, with the limits they are held to. */
  public record MaterialList(List<Material> materials, int count, long totalSize, Limits limits) {}

  /** The limits, in bytes. */
  public record Limits(long maxFileSize, long maxTotalSize, int maxFiles) {}

  @PostMapping(
      path = DRAFT_MATERIALS,
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public Mono<ResponseEntity<Material>> uploadToDraft(
      @PathVariable String draftId, @RequestBody Flux<PartEvent> parts) {
    MaterialOwner owner = MaterialOwner.draft(PathIds.uuid(draftId, "draft"));
    return materials.uploadToDraft(owner.id(), parts).map(material -> created(owner, material));
  }

  @GetMapping(path = DRAFT_MATERIALS, produces = MediaType.APPLICATION_JSON_VALUE)
  public Mono<MaterialList> listOfDraft(@PathVariable String draftId) {
    return materials.listOfDraft(PathIds.uuid(draftId, "draft")).map(this::list);
  }

  @GetMapping(path = DRAFT_MATERIALS + "/{materialId}")
  public Mono<ResponseEntity<byte[]>> downloadFromDraft(
      @PathVariable String draftId, @PathVariable String materialId) {
    return download(
        MaterialOwner.draft(PathIds.uuid(draftId, "draft")), PathIds.uuid(materialId, "material"));
  }

  @DeleteMapping(path = DRAFT_MATERIALS + "/{materialId}")
  public Mono<ResponseEntity<Void>> deleteFromDraft(
      @PathVariable String draftId, @PathVariable String materialId) {
    return materials
        .deleteFromDraft(PathIds.uuid(draftId, "draft"), PathIds.uuid(materialId, "material"))
        .then(Mono.just(ResponseEntity.noContent().build()));
  }

  @PostMapping(
      path = APPLICATION_MATERIALS,
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public Mono<ResponseEntity<Material>> uploadToApplication(
      @PathVariable String applicationId, @RequestBody Flux<PartEvent> parts) {
    MaterialOwner owner = MaterialOwner.application(PathIds.uuid(applicationId, "application"));
    return materials
        .uploadToApplication(owner.id(), parts)
        .map(material -> created(owner, material));
  }

  @GetMapping(path = APPLICATION_MATERIALS, produces = MediaType.APPLICATION_JSON_VALUE)
  public Mono<MaterialList> listOfApplication(@PathVariable String applicationId) {
    return materials.listOfApplication(PathIds.uuid(applicationId, "application")).map(this::list);
  }

  /** For reviewers: the file as uploaded. */
  @GetMapping(path = APPLICATION_MATERIALS + "/{materialId}")
  public Mono<ResponseEntity<byte[]>> downloadFromApplication(
      @PathVariable String applicationId, @PathVariable String materialId) {
    return download(
        MaterialOwner.application(PathIds.uuid(applicationId, "application")),
        PathIds.uuid(materialId, "material"));
  }

  @DeleteMapping(path = APPLICATION_MATERIALS + "/{materialId}")
  public Mono<ResponseEntity<Void>> deleteFromApplication(
      @PathVariable String applicationId, @PathVariable String materialId) {
    return materials
        .deleteFromApplication(
            PathIds.uuid(applicationId, "application"), PathIds.uuid(materialId, "material"))
        .then(Mono.just(ResponseEntity.noContent().build()));
  }

  private Mono<ResponseEntity<byte[]>> download(MaterialOwner owner, UUID materialId) {
    return materials
        .content(owner, materialId)
        .map(
            content -> {
              Material material = content.material();
              byte[] digest = HexFormat.of().parseHex(material.sha256());
              return ResponseEntity.ok()
                  .contentType(MediaType.parseMediaType(material.mediaType()))
                  .contentLength(content.bytes().length)
                  .header(
                      "Content-Disposition",
                      ContentDisposition.attachment()
                          .filename(material.fileName(), StandardCharsets.UTF_8)
                          .build()
                          .toString())
                  .eTag("\"" + material.sha256() + "\"")
                  // RFC 9530: the digest of the representation, for an end-to-end check.
                  .header(
                      "Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(digest) + ":")
                  .header("X-Content-Type-Options", "nosniff")
                  .cacheControl(CacheControl.noStore())
                  .body(content.bytes());
            });
  }

  private ResponseEntity<Material> created(MaterialOwner owner, Material material) {
    return ResponseEntity.status(HttpStatus.CREATED)
        .location(URI.create(owner.path() + "/" + material.id()))
        .body(material);
  }

  private MaterialList list(List<Material> stored) {
    MaterialsProperties limits = materials.limits();
    return new MaterialList(
        stored,
        stored.size(),
        stored.stream().mapToLong(Material::size).sum(),
        new Limits(
            limits.maxFileSize().toBytes(), limits.maxTotalSize().toBytes(), limits.maxFiles()));
  }
}
