package gx.enrollment.gateway.material;

import java.nio.ByteBuffer;

/**
 * One file read whole and checked: within the size limit, of a type we accept by its first bytes.
 *
 * @param section the section it proves
 * @param fileName the sanitised name, ending in the extension of {@code type}
 * @param type what its first bytes say it is
 * @param content holds the file in its first {@code size} bytes
 * @param size the file's length in bytes
 * @param sha256 the SHA-256 of the file, lower-case hex
 */
record Upload(
    MaterialSection section,
    String fileName,
    MaterialType type,
    byte[] content,
    int size,
    String sha256) {

  /** The file's bytes, without copying them. */
  ByteBuffer bytes() {
    return ByteBuffer.wrap(content, 0, size).asReadOnlyBuffer();
  }
}
