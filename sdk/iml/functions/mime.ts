// `mime(fileName)`: "Gets MIME Type of the file from its filename with extension. E.g. calling
// mime(picture.png) will return image/png" (developers.make.com/custom-apps-documentation/block-elements/iml).

/**
 * [INF] The page names no list of types: these are the IANA registered types of common file
 * extensions (with the usual x- types where none is registered).
 */
const TYPES_BY_EXTENSION: Readonly<Record<string, string>> = {
  // text
  txt: 'text/plain',
  csv: 'text/csv',
  tsv: 'text/tab-separated-values',
  htm: 'text/html',
  html: 'text/html',
  css: 'text/css',
  js: 'text/javascript',
  mjs: 'text/javascript',
  md: 'text/markdown',
  ics: 'text/calendar',
  vcf: 'text/vcard',
  // structured data
  json: 'application/json',
  xml: 'application/xml',
  yaml: 'application/yaml',
  yml: 'application/yaml',
  pdf: 'application/pdf',
  rtf: 'application/rtf',
  wasm: 'application/wasm',
  // office documents
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odp: 'application/vnd.oasis.opendocument.presentation',
  epub: 'application/epub+zip',
  // archives
  zip: 'application/zip',
  gz: 'application/gzip',
  tar: 'application/x-tar',
  '7z': 'application/x-7z-compressed',
  rar: 'application/vnd.rar',
  // images
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  svg: 'image/svg+xml',
  bmp: 'image/bmp',
  ico: 'image/vnd.microsoft.icon',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  heic: 'image/heic',
  avif: 'image/avif',
  // audio and video
  mp3: 'audio/mpeg',
  wav: 'audio/wav',
  ogg: 'audio/ogg',
  m4a: 'audio/mp4',
  aac: 'audio/aac',
  flac: 'audio/flac',
  mp4: 'video/mp4',
  mov: 'video/quicktime',
  avi: 'video/x-msvideo',
  webm: 'video/webm',
  mkv: 'video/x-matroska',
  mpeg: 'video/mpeg',
  mpg: 'video/mpeg',
  // fonts and mail
  woff: 'font/woff',
  woff2: 'font/woff2',
  ttf: 'font/ttf',
  otf: 'font/otf',
  eml: 'message/rfc822',
};

/** [INF] What RFC 2046 gives data of unknown type. */
export const UNKNOWN_MIME_TYPE = 'application/octet-stream';

/**
 * The type of a file name (a path's last segment counts), or of a bare extension ('png', '.png').
 * [INF] Case is ignored; an empty name gives undefined; an unknown extension UNKNOWN_MIME_TYPE.
 */
export function mimeType(fileName: string): string | undefined {
  const baseName = fileName.trim().split(/[/\\]/).pop() ?? '';
  if (baseName === '') return undefined;
  const extension = baseName.slice(baseName.lastIndexOf('.') + 1).toLowerCase();
  return Object.prototype.hasOwnProperty.call(TYPES_BY_EXTENSION, extension) ? TYPES_BY_EXTENSION[extension] : UNKNOWN_MIME_TYPE;
}
