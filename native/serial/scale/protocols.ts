import type { CustomFormat, ScaleProtocolId, WeightUnit } from '../../../electron/core/contract/devices.js';
import type { FrameResult } from './frame-result.js';
import { LineSplitter, MarkerSplitter, StxEtxSplitter, type FrameSplitter } from './framing.js';
import { decodeAnd, decodeCas22, decodeMtSics, decodeOhaus } from './line-protocols.js';
import { decodeXk3190, decodeXk3190Display } from './xk3190.js';
import { customDecoder } from './custom-format.js';

/** Commands a scale understands, as bytes to write; absent where the protocol has none. */
export interface ScaleCommands {
  tare?: Uint8Array;
  zero?: Uint8Array;
  /** One reading now (request mode). */
  request?: Uint8Array;
}

export interface ScaleProtocol {
  id: ScaleProtocolId;
  splitter: () => FrameSplitter;
  decode: (frame: string) => FrameResult;
  /** Frames carry a stable/unstable flag; otherwise stability is derived from repeated readings. */
  flagged: boolean;
  commands: ScaleCommands;
}

export interface ScaleProtocolOptions {
  /** Unit for frames that carry none. */
  unit: WeightUnit;
  custom?: CustomFormat | undefined;
}

const cmd = (text: string) => Buffer.from(`${text}\r\n`, 'latin1');

export function scaleProtocol(id: ScaleProtocolId, options: ScaleProtocolOptions): ScaleProtocol {
  const lines = () => new LineSplitter();
  switch (id) {
    case 'and':
      return { id, splitter: lines, decode: decodeAnd, flagged: true, commands: { tare: cmd('T'), zero: cmd('Z'), request: cmd('Q') } };
    case 'mt-sics':
      return { id, splitter: lines, decode: decodeMtSics, flagged: true, commands: { tare: cmd('T'), zero: cmd('Z'), request: cmd('SI') } };
    case 'ohaus':
      return { id, splitter: lines, decode: decodeOhaus, flagged: true, commands: { tare: cmd('T'), zero: cmd('Z'), request: cmd('IP') } };
    case 'cas22':
      // CAS indicators take model-specific commands: none are sent rather than a guess.
      return { id, splitter: lines, decode: decodeCas22, flagged: true, commands: {} };
    case 'xk3190':
      return { id, splitter: () => new StxEtxSplitter(12), decode: (f) => decodeXk3190(f, options.unit), flagged: false, commands: {} };
    case 'xk3190-display':
      return { id, splitter: () => new MarkerSplitter(0x3d), decode: (f) => decodeXk3190Display(f, options.unit), flagged: false, commands: {} };
    case 'custom': {
      if (!options.custom) throw new Error('a custom scale needs a format (pattern, status texts)');
      const { decode, flagged } = customDecoder(options.custom, options.unit);
      const { tare, zero, request } = options.custom;
      const commands: ScaleCommands = {};
      if (tare) commands.tare = cmd(tare);
      if (zero) commands.zero = cmd(zero);
      if (request) commands.request = cmd(request);
      return { id, splitter: lines, decode, flagged, commands };
    }
  }
}
