/**
 * The rule behind DESIGN §8 "the Chinese console shows no English sentence", shared by the i18n test
 * (every table entry and coded text) and the e2e test (everything on screen in a rehearsal).
 *
 * Finds English sentences in text meant for a Chinese reader. Names that stay in Latin letters in a
 * Chinese studio (OBS, GMV, SKU, Stream Deck, file formats, units) are allowed, and so is a lone Latin
 * word (a product name, a scene, a SKU); two or more Latin words in a row read as an English sentence.
 */
const ALLOWED = [
  'Stream Deck', 'obs-websocket', 'LiveDesk overlay', 'LiveDesk', 'Open DMX USB', 'Enttec DMX USB Pro', 'Art-Net', 'sACN', 'E1.31',
  'OBS', 'GMV', 'UV', 'PV', 'SKU', 'ROI', 'GPM', 'AOV', 'CTOR', 'HID', 'DMX', 'USB', 'CSV', 'XLSX', 'XLS', 'HTML', 'PDF', 'JSON', 'BRB',
  'Elgato Stream Deck', 'Bitfocus Companion', 'udev', 'plugdev',
  'fps', 'kbps', 'MB', 'ID', 'URL', 'IP', 'HTTP', 'WebSocket', 'Windows', 'macOS', 'Linux', 'Universe', 'v5',
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// Case-insensitive: the console's CSS shows some labels in capitals (STREAM DECK).
const ALLOWED_RE = new RegExp(`(?<![A-Za-z])(?:${ALLOWED.map(escape).join('|')})(?![A-Za-z])`, 'gi');
const SENTENCE_RE = /[A-Za-z][A-Za-z'’]*(?:[ ,:;]+[A-Za-z][A-Za-z'’]*)+/g;

/** The English word runs left in `text` once the allowed names are taken out. */
export function englishSentences(text: string): string[] {
  return [...text.replace(ALLOWED_RE, ' · ').matchAll(SENTENCE_RE)].map((m) => m[0]);
}
