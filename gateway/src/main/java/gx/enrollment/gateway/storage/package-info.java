/**
 * Personal data at rest: ID numbers and phone numbers are stored only as AES-256-GCM ciphertexts
 * (with the id of the key that sealed them, so keys can rotate) and, where we look people up or
 * enforce uniqueness, as an HMAC-SHA256 under a separate key. See {@link
 * gx.enrollment.gateway.storage.PersonalDataProtector}.
 */
@NullMarked
package gx.enrollment.gateway.storage;

import org.jspecify.annotations.NullMarked;
