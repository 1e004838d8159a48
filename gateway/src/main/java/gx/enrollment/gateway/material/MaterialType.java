package gx.enrollment.gateway.material;

import java.util.Optional;

/**
 * The kinds of file a material may be, recognised by their first bytes (their "magic number"),
 * never by the file's name or the content type the client declares: a renamed executable stays an
 * executable. Pure: no Spring, no I/O.
 */
public enum MaterialType {
  /** JPEG/JFIF/Exif: {@code FF D8 FF}. */
  JPEG("image/jpeg", "jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
  /** PNG: {@code 89 50 4E 47 0D 0A 1A 0A}. */
  PNG("image/png", "png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}),
  /** PDF: {@code %PDF-}. */
  PDF("application/pdf", "pdf", new byte[] {'%', 'P', 'D', 'F', '-'});

  /** The most leading bytes any signature needs. */
  public static final int SIGNATURE_BYTES = 8;

  private final String mediaType;
  private final String extension;
  private final byte[] signature;

  MaterialType(String mediaType, String extension, byte[] signature) {
    this.mediaType = mediaType;
    this.extension = extension;
    this.signature = signature;
  }

  /**
   * The type whose signature the content starts with; empty when none does (also when fewer bytes
   * than a signature are given).
   *
   * @param head the first bytes of the content
   * @param length how many of {@code head} are content
   */
  public static Optional<MaterialType> sniff(byte[] head, int length) {
    for (MaterialType type : values()) {
      if (type.matches(head, length)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }

  /** The type named by a stored media type. */
  public static MaterialType ofMediaType(String mediaType) {
    for (MaterialType type : values()) {
      if (type.mediaType.equals(mediaType)) {
        return type;
      }
    }
    throw new IllegalArgumentException("not a material media type: " + mediaType);
  }

  public String mediaType() {
    return mediaType;
  }

  /** The usual file extension, without the dot. */
  public String extension() {
    return extension;
  }

  private boolean matches(byte[] head, int length) {
    if (length < signature.length || head.length < signature.length) {
      return false;
    }
    for (int i = 0; i < signature.length; i++) {
      if (head[i] != signature[i]) {
        return false;
      }
    }
    return true;
  }
}
