// Polls the console's JSON views once a second and renders them. Every
// value goes in through textContent, never as markup.
"use strict";

const state = { selected: null, items: new Map() };

function cell(row, text) {
  const td = document.createElement("td");
  td.textContent = text;
  row.appendChild(td);
}

function fillTable(id, rows, cols) {
  const body = document.querySelector(`#${id} tbody`);
  body.textContent = "";
  for (const r of rows) {
    const tr = document.createElement("tr");
    for (const c of cols) cell(tr, c(r));
    body.appendChild(tr);
  }
}

function fillList(id, items, text) {
  const ul = document.getElementById(id);
  ul.textContent = "";
  for (const it of items) {
    const li = document.createElement("li");
    li.textContent = text(it);
    ul.appendChild(li);
  }
}

function renderExecutions(list) {
  const ul = document.getElementById("executions");
  for (const x of list) {
    let item = state.items.get(x.arn);
    if (!item) {
      const li = document.createElement("li");
      const button = document.createElement("button");
      button.type = "button";
      button.dataset.arn = x.arn;
      button.addEventListener("click", () => select(x.arn));
      const badge = document.createElement("span");
      const name = document.createElement("span");
      button.append(badge, name);
      li.appendChild(button);
      ul.insertBefore(li, ul.firstChild);
      item = { button, badge, name };
      state.items.set(x.arn, item);
    }
    item.badge.className = "badge " + x.status;
    item.badge.textContent = x.status;
    item.name.textContent = x.name + " · " + x.stateMachine;
    item.button.setAttribute("aria-current", String(x.arn === state.selected));
  }
}

async function select(arn) {
  state.selected = arn;
  if (location.hash.slice(1) !== encodeURIComponent(arn)) history.replaceState(null, "", "#" + encodeURIComponent(arn));
  for (const [key, item] of state.items) item.button.setAttribute("aria-current", String(key === arn));
  await refreshDetail();
}

async function refreshDetail() {
  if (!state.selected) return;
  const res = await fetch("api/execution?arn=" + encodeURIComponent(state.selected));
  if (!res.ok) return;
  const d = await res.json();
  const x = d.execution;
  document.getElementById("detail-title").textContent = "Execution " + x.name;
  let summary = x.status + " · started " + x.start;
  if (d.error) summary += " · " + d.error + (d.cause ? ": " + d.cause : "");
  document.getElementById("detail-summary").textContent = summary;
  drawGraph(document.getElementById("graph"), d.definition, d.path, x.status === "RUNNING");
  fillTable("events", d.events, [e => e.id, e => e.type, e => e.state || "", e => e.error || "", e => e.at]);
}

function ageText(seconds) {
  if (seconds < 60) return seconds.toFixed(1) + " s";
  if (seconds < 3600) return (seconds / 60).toFixed(1) + " min";
  return (seconds / 3600).toFixed(1) + " h";
}

async function refresh() {
  try {
    const res = await fetch("api/overview");
    if (!res.ok) throw new Error("HTTP " + res.status);
    const o = await res.json();
    renderExecutions(o.executions);
    fillTable("waiting", o.waiting || [], [w => w.execution, w => w.state, w => ageText(w.ageSeconds)]);
    fillTable("queues", o.queues, [q => q.name, q => q.visible, q => q.inFlight, q => q.delayed, q => q.deadLetter || ""]);
    fillList("topics", o.topics, t => t.name + " → " + (t.subscriptions.join(", ") || "no subscriptions"));
    fillList("notifications", o.notifications, n => n.at + " " + n.topic + (n.subject ? " · " + n.subject : "") + ": " + n.message);
    fillTable("metrics", o.metrics, [m => m.namespace + "/" + m.name + (m.unit ? " (" + m.unit + ")" : ""),
      m => Object.entries(m.dimensions || {}).map(([k, v]) => k + "=" + v).join(", "), m => m.count, m => m.sum, m => m.min, m => m.max]);
    document.getElementById("status").textContent = "Updated " + o.now + " · " + o.executions.length + " executions";
    await refreshDetail();
  } catch (e) {
    document.getElementById("status").textContent = "Cannot reach the endpoint: " + e.message;
  }
}

// A link to the console can name the execution to draw after the #.
if (location.hash.length > 1) state.selected = decodeURIComponent(location.hash.slice(1));
window.addEventListener("hashchange", () => select(decodeURIComponent(location.hash.slice(1))));
refresh();
setInterval(refresh, 1000);
