// Draws a state machine definition as an SVG graph: states in rows by
// their distance from StartAt, transitions as lines, and the path an
// execution took highlighted. Only top-level states are drawn; the
// branches of Parallel and Map states show as their parent state.
"use strict";

const SVG = "http://www.w3.org/2000/svg";

function transitions(state) {
  const out = [];
  if (state.Next) out.push(state.Next);
  if (state.Default) out.push(state.Default);
  for (const c of state.Choices || []) if (c.Next) out.push(c.Next);
  for (const c of state.Catch || []) if (c.Next) out.push(c.Next);
  return [...new Set(out)];
}

function layout(def) {
  const depth = new Map([[def.StartAt, 0]]);
  const queue = [def.StartAt];
  while (queue.length) {
    const name = queue.shift();
    const state = def.States[name];
    if (!state) continue;
    for (const next of transitions(state)) {
      if (!depth.has(next)) { depth.set(next, depth.get(name) + 1); queue.push(next); }
    }
  }
  let last = Math.max(0, ...depth.values());
  for (const name of Object.keys(def.States)) if (!depth.has(name)) depth.set(name, ++last);
  const rows = [];
  for (const [name, d] of depth) (rows[d] = rows[d] || []).push(name);
  const pos = new Map();
  const width = Math.max(...rows.map(r => (r ? r.length : 0))) * 190 + 20;
  rows.forEach((row, d) => (row || []).forEach((name, i) => {
    const span = width / row.length;
    pos.set(name, { x: span * i + span / 2, y: 40 + d * 80 });
  }));
  return { pos, width, height: rows.length * 80 + 20 };
}

function el(name, attrs, parent) {
  const e = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (parent) parent.appendChild(e);
  return e;
}

// drawGraph replaces the contents of container with the graph of def
// (an ASL definition as a string), highlighting path (a list of
// {state, outcome}) and, when running, its last state as current.
function drawGraph(container, definition, path, running) {
  container.textContent = "";
  let def;
  try { def = JSON.parse(definition); } catch (e) { container.textContent = "The definition is not JSON."; return; }
  if (!def || !def.States) return;
  const { pos, width, height } = layout(def);
  const svg = el("svg", { viewBox: `0 0 ${width} ${height}`, role: "img" }, container);
  el("title", {}, svg).textContent = "Path: " + path.map(s => s.state).join(" → ");
  const defs = el("defs", {}, svg);
  const marker = el("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: "auto-start-reverse" }, defs);
  el("path", { d: "M 0 0 L 10 5 L 0 10 z", fill: "#9aa3b5" }, marker);
  const taken = new Set();
  for (let i = 1; i < path.length; i++) taken.add(path[i - 1].state + "\u0000" + path[i].state);
  for (const [name, state] of Object.entries(def.States)) {
    for (const next of transitions(state)) {
      const a = pos.get(name), b = pos.get(next);
      if (!a || !b) continue;
      const cls = taken.has(name + "\u0000" + next) ? "edge taken" : "edge";
      el("line", { x1: a.x, y1: a.y + 16, x2: b.x, y2: b.y - 18, class: cls, "marker-end": "url(#arrow)", "data-from": name, "data-to": next }, svg);
    }
  }
  const outcome = new Map();
  for (const s of path) outcome.set(s.state, s.outcome);
  const current = running && path.length ? path[path.length - 1].state : null;
  for (const [name, p] of pos) {
    let cls = "node";
    if (name === current) cls += " current";
    else if (outcome.get(name) === "failed") cls += " failed";
    else if (outcome.has(name)) cls += " visited";
    const g = el("g", { class: cls, "data-state": name }, svg);
    el("rect", { x: p.x - 85, y: p.y - 16, width: 170, height: 32 }, g);
    el("text", { x: p.x, y: p.y }, g).textContent = name.length > 24 ? name.slice(0, 23) + "…" : name;
    el("title", {}, g).textContent = name + " (" + (def.States[name].Type || "?") + ")";
  }
}
