// Where a drawing's labels sit, measured in Chromium: every text line on clear
// space (2 px around it), no text over text, no leader line touching text, all
// inside the viewBox. Leaders are the #1a1a1a lines; their end dots may touch shapes.
// A <use> (a shape drawn again from <defs>) counts as its whole bounding box.
(font) => {
  const svg = document.querySelector('svg');
  if (font) svg.setAttribute('font-family', font);
  const vb = svg.viewBox.baseVal;
  const shapes = [...svg.querySelectorAll('rect,path,line,circle,ellipse,polygon,polyline,use')]
     .filter(e => !e.closest('pattern,defs') && !(e.tagName==='rect' && e.getAttribute('width')===String(vb.width)));
  const leaders = shapes.filter(e => e.tagName==='line' && e.parentNode.getAttribute('stroke')==='#1a1a1a');
  const dots = shapes.filter(e => e.tagName==='circle' && e.parentNode.getAttribute('fill')==='#1a1a1a');
  const problems = [];
  const name = e => e.tagName + '(' + (e.getAttribute('d')||e.getAttribute('x')||e.getAttribute('x1')||e.getAttribute('cx')||'').toString().slice(0,18) + ')';
  const toUser = svg.getScreenCTM().inverse();
  const userBox = e => { const r = e.getBoundingClientRect();
    const p1 = new DOMPoint(r.left, r.top).matrixTransform(toUser), p2 = new DOMPoint(r.right, r.bottom).matrixTransform(toUser);
    return {x1: Math.min(p1.x, p2.x) - 1, y1: Math.min(p1.y, p2.y) - 1, x2: Math.max(p1.x, p2.x) + 1, y2: Math.max(p1.y, p2.y) + 1}; };
  const hit = (e, x, y) => {
    if (e.tagName === 'use') { const r = userBox(e); return r.x1 <= x && x <= r.x2 && r.y1 <= y && y <= r.y2; }
    const m = svg.getCTM().inverse().multiply(e.getCTM()).inverse();
    const p = new DOMPoint(x, y).matrixTransform(m);
    const sp = svg.createSVGPoint(); sp.x = p.x; sp.y = p.y;
    const fill = getComputedStyle(e).fill !== 'none' && e.tagName !== 'line';
    return (fill && e.isPointInFill(sp)) || (getComputedStyle(e).stroke !== 'none' && e.isPointInStroke(sp));
  };
  const boxes = [];
  for (const t of [...svg.querySelectorAll('tspan'), ...[...svg.querySelectorAll('text')].filter(x => !x.querySelector('tspan'))]) {
    const lb = t.getBBox();
    const M = svg.getCTM().inverse().multiply(t.getCTM());
    const p0 = new DOMPoint(lb.x, lb.y).matrixTransform(M);
    const b = {x: p0.x, y: p0.y, width: lb.width, height: lb.height};
    boxes.push({text: t.textContent, x: b.x, y: b.y, w: b.width, h: b.height});
    if (b.x < vb.x || b.y < vb.y || b.x + b.width > vb.x + vb.width || b.y + b.height > vb.y + vb.height)
      problems.push('outside viewBox: ' + t.textContent + ' ' + JSON.stringify(b));
    const pad = 2;
    // Only shapes whose bounding box comes near the text can touch it.
    const near = shapes.filter(s => { const r = userBox(s);
      return r.x1 < b.x + b.width + pad && b.x - pad < r.x2 && r.y1 < b.y + b.height + pad && b.y - pad < r.y2; });
    for (let x = b.x - pad; x <= b.x + b.width + pad; x += 1)
      for (let y = b.y - pad; y <= b.y + b.height + pad; y += 1)
        for (const s of near)
          if (hit(s, x, y)) { problems.push(`text "${t.textContent}" touches ${name(s)} at ${x.toFixed(0)},${y.toFixed(0)}`); y = 1e9; x = 1e9; break; }
  }
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
    const a = boxes[i], b = boxes[j];
    if (a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h)
      problems.push(`text "${a.text}" overlaps "${b.text}"`);
  }
  // What each leader passes through (besides its own end dot).
  const crossings = [];
  for (const l of leaders) {
    const LM = svg.getCTM().inverse().multiply(l.getCTM());
    const q1 = new DOMPoint(+l.getAttribute('x1'), +l.getAttribute('y1')).matrixTransform(LM);
    const q2 = new DOMPoint(+l.getAttribute('x2'), +l.getAttribute('y2')).matrixTransform(LM);
    const x1 = q1.x, y1 = q1.y, x2 = q2.x, y2 = q2.y;
    const n = Math.ceil(Math.hypot(x2 - x1, y2 - y1));
    const through = new Set();
    for (let k = 0; k <= n; k++) {
      const x = x1 + (x2 - x1) * k / n, y = y1 + (y2 - y1) * k / n;
      for (const s of shapes) if (s !== l && !dots.includes(s) && hit(s, x, y)) through.add(name(s) + (k===0?' [start]': k===n? ' [end]':''));
      for (const b of boxes) if (x > b.x - 1 && x < b.x + b.w + 1 && y > b.y - 1 && y < b.y + b.h + 1) problems.push(`leader ${name(l)} touches text "${b.text}"`);
    }
    crossings.push(name(l) + ' -> ' + [...through].join(', '));
  }
  return {problems: [...new Set(problems)], crossings, boxes};
}
