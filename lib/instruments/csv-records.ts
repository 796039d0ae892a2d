/**
 * Incremental RFC 4180 record splitter. Feed text with `push`, finish with `end`. Lines without a
 * quote take a fast `split(',')` path; quoted records (names with commas, escaped `""`, even embedded
 * newlines) take a character scan. A record that never closes its quote is reported as a fault for its
 * first physical line and parsing resumes on the next line, so one stray quote cannot swallow the file.
 */
export type CsvRecord = { line: number; fields: string[] };
export type CsvFault = { line: number; reason: string; raw: string };

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;
const RAW_PREVIEW_CHARS = 300;

type ScanResult = { kind: 'ok'; fields: string[]; end: number; newlines: number } | { kind: 'incomplete' } | { kind: 'malformed'; reason: string };

export class CsvRecordSplitter {
  private buf = '';
  private pos = 0;
  private line = 1;
  private quoteAt = -1;
  private quoteScanned = 0;
  private skipping = false;
  private started = false;

  constructor(
    private readonly onRecord: (record: CsvRecord) => void,
    private readonly onFault: (fault: CsvFault) => void,
    // Caps the memory one record can hold while we wait for its end.
    private readonly maxRecordChars = 65_536,
  ) {}

  push(text: string): void {
    if (!this.started) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    if (this.pos > 0) {
      this.buf = this.buf.slice(this.pos);
      this.quoteAt -= this.pos;
      this.quoteScanned = Math.max(0, this.quoteScanned - this.pos);
      this.pos = 0;
    }
    this.buf += text;
    this.drain(false);
  }

  end(): void {
    this.drain(true);
    this.buf = '';
    this.pos = 0;
  }

  private nextQuote(): number {
    if (this.quoteAt >= this.pos) return this.quoteAt;
    const q = this.buf.indexOf('"', Math.max(this.pos, this.quoteScanned));
    if (q === -1) this.quoteScanned = this.buf.length;
    this.quoteAt = q;
    return q;
  }

  private drain(eof: boolean): void {
    const buf = this.buf;
    while (this.pos < buf.length) {
      const nl = buf.indexOf('\n', this.pos);
      if (this.skipping) {
        if (nl === -1) {
          this.pos = buf.length;
          return;
        }
        this.skipping = false;
        this.pos = nl + 1;
        this.line++;
        continue;
      }
      const q = this.nextQuote();
      if (q === -1 || (nl !== -1 && q > nl)) {
        if (nl === -1 && !eof) {
          if (buf.length - this.pos > this.maxRecordChars) this.fault(`line longer than ${this.maxRecordChars} characters`, eof);
          return;
        }
        const stop = nl === -1 ? buf.length : nl;
        const end = stop > this.pos && buf.charCodeAt(stop - 1) === CR ? stop - 1 : stop;
        if (end > this.pos) this.onRecord({ line: this.line, fields: buf.slice(this.pos, end).split(',') });
        this.pos = stop + 1;
        this.line++;
        continue;
      }
      const res = this.scanQuoted(eof);
      if (res.kind === 'incomplete') {
        if (buf.length - this.pos > this.maxRecordChars) this.fault(`record longer than ${this.maxRecordChars} characters (unterminated quote?)`, eof);
        else return;
      } else if (res.kind === 'malformed') {
        this.fault(res.reason, eof);
      } else {
        this.onRecord({ line: this.line, fields: res.fields });
        this.line += 1 + res.newlines;
        this.pos = res.end;
      }
    }
  }

  /** Reports the physical line at `pos` as bad and moves past it. */
  private fault(reason: string, eof: boolean): void {
    const nl = this.buf.indexOf('\n', this.pos);
    const stop = nl === -1 ? this.buf.length : nl;
    const raw = this.buf.slice(this.pos, Math.min(stop, this.pos + RAW_PREVIEW_CHARS)).replace(/\r$/, '');
    this.onFault({ line: this.line, reason, raw });
    if (nl === -1) {
      this.pos = this.buf.length;
      this.skipping = !eof;
      if (eof) this.line++;
      return;
    }
    this.pos = nl + 1;
    this.line++;
  }

  private scanQuoted(eof: boolean): ScanResult {
    const buf = this.buf;
    const n = buf.length;
    const fields: string[] = [];
    let newlines = 0;
    let i = this.pos;
    for (;;) {
      let value: string;
      if (i < n && buf.charCodeAt(i) === QUOTE) {
        value = '';
        let seg = i + 1;
        for (;;) {
          const qi = buf.indexOf('"', seg);
          if (qi === -1 || (qi + 1 >= n && !eof)) {
            return eof ? { kind: 'malformed', reason: 'unterminated quoted field' } : { kind: 'incomplete' };
          }
          if (qi + 1 < n && buf.charCodeAt(qi + 1) === QUOTE) {
            value += buf.slice(seg, qi + 1);
            seg = qi + 2;
            continue;
          }
          value += buf.slice(seg, qi);
          i = qi + 1;
          break;
        }
        for (let k = value.indexOf('\n'); k !== -1; k = value.indexOf('\n', k + 1)) newlines++;
        if (i < n) {
          const c = buf.charCodeAt(i);
          if (c !== COMMA && c !== LF && !(c === CR && (i + 1 >= n || buf.charCodeAt(i + 1) === LF))) {
            return { kind: 'malformed', reason: 'unexpected character after closing quote' };
          }
        }
      } else {
        let j = i;
        while (j < n) {
          const c = buf.charCodeAt(j);
          if (c === COMMA || c === LF) break;
          j++;
        }
        value = buf.slice(i, j);
        i = j;
      }
      if (i >= n) {
        if (!eof) return { kind: 'incomplete' };
        fields.push(value);
        return { kind: 'ok', fields, end: n, newlines };
      }
      const c = buf.charCodeAt(i);
      if (c === COMMA) {
        fields.push(value);
        i++;
        continue;
      }
      if (c === CR) {
        if (i + 1 >= n && !eof) return { kind: 'incomplete' };
        fields.push(value);
        return { kind: 'ok', fields, end: Math.min(n, i + 2), newlines };
      }
      // LF; an unquoted field may carry the CR of a CRLF ending.
      fields.push(value.charCodeAt(value.length - 1) === CR ? value.slice(0, -1) : value);
      return { kind: 'ok', fields, end: i + 1, newlines };
    }
  }
}
