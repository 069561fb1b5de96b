// Parses an ESC/POS file with npos, a third-party ESC/POS parser, and prints JSON:
//   { "unknown": null | "<npos error>", "commands": { "<name>": count }, "text": ["<hex>", ...] }
// npos 0.1.19 has no rule for GS ( k (QR codes); we add it through npos's documented custom-rules
// API with npos's own two-byte length splitter ('d16'), which is how that command family is framed.
'use strict';
const fs = require('fs');
const npos = require('npos');

const rules = {};
for (const key of Object.keys(npos.rules)) {
  const group = npos.rules[key];
  rules[key] = typeof group === 'object' ? Object.assign({}, group) : group;
}
rules[npos.symbols.GS]['(k'] = [0, 'd16'];

const bytes = fs.readFileSync(process.argv[2]);
const ast = npos.parser(rules).analyze(bytes);
const out = { unknown: null, commands: {}, text: [] };
if (ast.error) {
  out.unknown = ast.error.message;
} else {
  for (const node of ast.tree) {
    if (node.ascii === 'STX') {
      out.text.push(bytes.slice(node.offset, node.offset + node.length).toString('hex'));
    } else {
      const name = node.ascii + ' ' + (node.fn || '');
      out.commands[name] = (out.commands[name] || 0) + 1;
    }
  }
}
process.stdout.write(JSON.stringify(out));
process.exit(out.unknown ? 1 : 0);
