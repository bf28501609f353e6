// Text from users' files made safe to print on a terminal: a header, a cell or a file name may
// hold escape sequences (colour, cursor moves, window titles, OSC 8 links), a bell or bidi
// overrides that make the line read differently from what it says.
//
// Rules:
// - C0 controls, DEL and C1 controls become \xHH (ESC → \x1b, BEL → \x07); bidi embeddings,
//   overrides, isolates and marks and the line/paragraph separators become \uHHHH.
// - A stderr line is one line: line breaks and tabs are escaped too. Output meant for a terminal
//   (stdout when it is one) keeps its line breaks and tabs.
const LINE_UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const TEXT_UNSAFE =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const escape = (c: string) => {
  const code = c.charCodeAt(0);
  return code <= 0xff
    ? `\\x${code.toString(16).padStart(2, '0')}`
    : `\\u${code.toString(16).padStart(4, '0')}`;
};

/** One line of a message, every control character escaped. */
export const printableLine = (line: string) => line.replace(LINE_UNSAFE, escape);

/** Text for a terminal, line breaks and tabs kept. */
export const printableText = (text: string) => text.replace(TEXT_UNSAFE, escape);
