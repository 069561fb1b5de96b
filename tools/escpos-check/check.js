// Parses an ESC/POS file with npos, a third-party ESC/POS parser, and prints JSON:
//   { "unknown": null | "<npos error>", "commands": { "<name>": count }, "text": ["<hex>", ...],
//     "sequence": [["<name>" | "text", "<hex of the whole command or text run>"], ...] }
// "sequence" keeps the order, so a reader can follow the code-page commands and decode each text run
// in the page selected before it.
// npos 0.1.19 has no rule for GS ( k (QR codes); we add it through npos's documented custom-rules
// API with npos's own two-byte length splitter ('d16'), which is how that command family is framed.
// Nor has it Star's ESC GS t n (select code page, one parameter byte), added the same way.
'use strict';
const fs = require('fs');
const npos = require('npos');

const rules = {};
for (const key of Object.keys(npos.rules)) {
  const group = npos.rules[key];
  rules[key] = typeof group === 'object' ? Object.assign({}, group) : group;
}
rules[npos.symbols.GS]['(k'] = [0, 'd16'];
rules[npos.symbols.ESC]['\x1dt'] = 1;

const bytes = fs.readFileSync(process.argv[2]);
const ast = npos.parser(rules).analyze(bytes);
const out = { unknown: null, commands: {}, text: [], sequence: [] };
if (ast.error) {
  out.unknown = ast.error.message;
} else {
  for (const node of ast.tree) {
    const hex = bytes.slice(node.offset, node.offset + node.length).toString('hex');
    if (node.ascii === 'STX') {
      out.text.push(hex);
      out.sequence.push(['text', hex]);
    } else {
      const name = node.ascii + ' ' + (node.fn || '').replace(/\x1d/g, 'GS ');
      out.commands[name] = (out.commands[name] || 0) + 1;
      out.sequence.push([name, hex]);
    }
  }
}
process.stdout.write(JSON.stringify(out));
process.exit(out.unknown ? 1 : 0);
