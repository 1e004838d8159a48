/**
 * Materials (材料): the photos and scans that prove a form's sections — 户口簿, 出生医学证明, 居住证, 不动产权证书,
 * 劳动合同 or 社保证明… — uploaded to a draft, carried over with it to the application it becomes, and
 * added to an application while it waits for a supplement (待补正). Uploads are read as a stream,
 * chunk by chunk, hashed as they arrive, refused as soon as a limit is passed or the content is not
 * a JPEG, PNG or PDF by its first bytes, and stored sealed (AES-GCM) only once whole.
 */
@NullMarked
package gx.enrollment.gateway.material;

import org.jspecify.annotations.NullMarked;
