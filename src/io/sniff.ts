/**
 * What a file really is, by its first bytes: so a renamed file, an encrypted Office file
 * or a PDF with a password is named for what it is instead of failing somewhere deep.
 */

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b)
}

export function isOle(bytes: Uint8Array): boolean {
  return startsWith(bytes, OLE)
}

/** True when an OLE compound file holds an encrypted OOXML package (a password-protected .docx). */
export function isEncryptedOoxml(bytes: Uint8Array): boolean {
  if (!isOle(bytes)) return false
  // Directory entry names are UTF-16LE.
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(Buffer.from('EncryptedPackage', 'utf16le'))
}

/** A phrase completing “扩展名是 .docx，但…” for bytes that are not a zip. */
export function describeContainer(bytes: Uint8Array): string {
  if (isEncryptedOoxml(bytes)) return '文件设置了打开密码（已加密），无法读取；请在 Word 中取消密码（文件 › 信息 › 保护文档）后另存一份再检查'
  if (isOle(bytes)) return '内容其实是 Word 97-2003（.doc）格式；请把扩展名改为 .doc，或在 Word 中另存为 .docx 后再检查'
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return '内容其实是 PDF；请把扩展名改为 .pdf 后再检查'
  if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66])) return '内容其实是 RTF；请在 Word 中另存为 .docx 后再检查'
  return '内容不是 Word 文档（.docx 应为 ZIP 格式），文件可能已损坏或不是 Word 文件'
}
