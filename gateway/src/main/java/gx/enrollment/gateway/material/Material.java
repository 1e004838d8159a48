package gx.enrollment.gateway.material;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A stored material as callers see it (never its content).
 *
 * @param id its id
 * @param section the section it proves, and {@code sectionLabel} in Chinese
 * @param mediaType what its content is, detected from its first bytes
 * @param size bytes
 * @param sha256 of the file as uploaded, lower-case hex
 * @param fileName the name it was uploaded with, sanitised
 * @param uploadedAt when
 * @param supplementRound for one added while 待补正: the how-many-th supplement round it came in
 */
public record Material(
    UUID id,
    MaterialSection section,
    String sectionLabel,
    String mediaType,
    long size,
    String sha256,
    String fileName,
    OffsetDateTime uploadedAt,
    @JsonIgnore @Nullable Integer supplementRound) {}
