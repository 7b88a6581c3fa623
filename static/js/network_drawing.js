// The network drawing, progressive enhancement: drag people onto rings, connect two people, zoom,
// and do all of it by keyboard. The server draws the SVG and saves; this script moves and asks.
// Without it the page still shows the drawing and the list view does everything.

const svg = document.getElementById("net-svg");
if (svg && svg.dataset.editable) start(svg);

function start(svg) {
  const layer = document.getElementById("net-layer");
  const list = document.getElementById("net-list");
  const status = document.getElementById("net-status");
  const alertBox = document.getElementById("net-alert");
  const connectButton = document.querySelector("[data-connect]");
  const d = svg.dataset;
  const egoRadius = Number(d.ego), outer = Number(d.outer), ringCount = Number(d.rings);
  const ringLabels = (d.ringLabels || "").split("|");
  let version = Number(d.version);
  let base = svg.getAttribute("viewBox").split(" ").map(Number);
  let zoom = 1, centre = [0, 0];
  let connecting = false, picked = null, focusKey = null, busy = false;

  for (const el of document.querySelectorAll(".net-js-only")) el.hidden = false;
  svg.setAttribute("role", "application");
  // Only the people take focus: the drawing itself is not a Tab stop where no key would work.
  svg.setAttribute("focusable", "false");
  svg.setAttribute("aria-describedby", "drawing-intro drawing-keys");

  const nodes = () => Array.from(layer.querySelectorAll(".node"));
  const nodeOf = (key) => layer.querySelector(`.node[data-key="${CSS.escape(key)}"]`);
  const say = (text) => { status.textContent = ""; window.setTimeout(() => { status.textContent = text; }, 30); };
  const fill = (template, values) => template.replace(/\{(\w+)\}/g, (_, k) => values[k] ?? "");
  const ringName = (ring) => ringLabels[ring - 1] || "";

  function ordered() {
    // The people in their own stable order (the order of the list below), so "next person" never
    // jumps around when someone is placed: nobody is visited twice or skipped.
    return nodes();
  }

  function prepare() {
    // Each person is a focusable button; one of them is in the tab order (roving tabindex).
    const all = ordered();
    if (!all.some((n) => n.dataset.key === focusKey)) focusKey = all.length ? all[0].dataset.key : null;
    for (const node of all) {
      node.setAttribute("role", "button");
      node.setAttribute("aria-label", node.dataset.label);
      node.setAttribute("tabindex", node.dataset.key === focusKey ? "0" : "-1");
      node.classList.toggle("is-picked", node.dataset.key === picked);
    }
  }

  function focusNode(node) {
    if (!node) return;
    focusKey = node.dataset.key;
    for (const n of nodes()) n.setAttribute("tabindex", n === node ? "0" : "-1");
    node.focus();
  }

  function apply(data) {
    // The server's redraw is the truth: swap it in and keep the focus on the same person.
    const hadFocus = layer.contains(document.activeElement);
    if (typeof data.version === "number") version = data.version;
    if (data.svg !== undefined) layer.innerHTML = data.svg;
    if (data.list !== undefined && list) list.innerHTML = data.list;
    if (data.viewBox) { base = data.viewBox.split(" ").map(Number); setView(); }
    if (picked && !nodeOf(picked)) picked = null;
    prepare();
    if (hadFocus && focusKey) focusNode(nodeOf(focusKey));
  }

  function showAlert(text) {
    alertBox.textContent = text;
    alertBox.hidden = !text;
  }

  async function send(url, body) {
    if (busy) return false;
    busy = true;
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json",
                   "X-CSRF-Token": d.csrf, "X-Launch-Token": d.lt, "If-Match": String(version) },
        body: JSON.stringify({ ...body, version, moment: d.moment }),
      });
      let data = null;
      try { data = await response.json(); } catch { data = null; }
      if (data && (data.svg !== undefined || typeof data.version === "number")) apply(data);
      showAlert(response.ok ? "" : (data && data.error) || d.msgError);
      return response.ok;
    } catch {
      showAlert(d.msgError);
      return false;
    } finally {
      busy = false;
    }
  }

  async function place(node, ring, angle) {
    const ok = await send(d.positions, { moves: [{ key: node.dataset.key, ring, angle }] });
    if (ok) say(ring ? fill(d.msgRing, { name: node.dataset.name, ring: ringName(ring) }) : fill(d.msgOff, { name: node.dataset.name }));
  }

  async function connect(aKey, bKey) {
    const a = nodeOf(aKey), b = nodeOf(bKey);
    if (!a || !b) return;
    const tied = layer.querySelector(`.tie[data-a="${CSS.escape(aKey)}"][data-b="${CSS.escape(bKey)}"], .tie[data-a="${CSS.escape(bKey)}"][data-b="${CSS.escape(aKey)}"]`);
    picked = null;
    const ok = await send(d.ties, { a: aKey, b: bKey, connected: !tied });
    if (ok) say(fill(tied ? d.msgUntied : d.msgTied, { a: a.dataset.name, b: b.dataset.name }));
    prepare();
  }

  function pick(node) {
    if (!picked) {
      picked = node.dataset.key;
      prepare();
      say(fill(d.msgPick, { name: node.dataset.name }));
    } else if (picked === node.dataset.key) {
      picked = null;
      prepare();
      say(d.msgCancel);
    } else {
      connect(picked, node.dataset.key);
    }
  }

  // Pointer: drag a person to a ring; a click without movement picks them when connecting.
  const point = (event) => new DOMPoint(event.clientX, event.clientY).matrixTransform(svg.getScreenCTM().inverse());
  const ringAt = (x, y) => {
    const dist = Math.hypot(x, y);
    if (dist > outer + 12) return 0;
    if (dist <= egoRadius) return 1;
    return Math.min(ringCount, Math.max(1, Math.ceil((dist - egoRadius) / ((outer - egoRadius) / ringCount))));
  };
  const angleOf = (x, y) => Math.round(((Math.atan2(y, x) * 180) / Math.PI + 360) % 360 * 10) / 10;
  let drag = null;

  layer.addEventListener("pointerdown", (event) => {
    const node = event.target.closest(".node");
    if (!node || event.button !== 0) return;
    event.preventDefault();
    node.setPointerCapture(event.pointerId);
    const p = point(event);
    const [tx, ty] = (node.getAttribute("transform").match(/-?[\d.]+/g) || [0, 0]).map(Number);
    drag = { node, dx: p.x - tx, dy: p.y - ty, x: tx, y: ty, moved: false, id: event.pointerId,
             from: node.getAttribute("transform") };
  });
  layer.addEventListener("pointermove", (event) => {
    if (!drag || event.pointerId !== drag.id) return;
    const p = point(event);
    const x = p.x - drag.dx, y = p.y - drag.dy;
    if (!drag.moved && Math.hypot(x - drag.x, y - drag.y) < 4) return;
    if (connecting) return;
    drag.moved = true;
    drag.x = x; drag.y = y;
    drag.node.classList.add("is-dragging");
    svg.classList.add("is-dragging");
    drag.node.setAttribute("transform", `translate(${x.toFixed(1)} ${y.toFixed(1)})`);
  });
  const finish = (event) => {
    if (!drag || event.pointerId !== drag.id) return;
    const { node, moved, x, y } = drag;
    drag = null;
    node.classList.remove("is-dragging");
    svg.classList.remove("is-dragging");
    focusKey = node.dataset.key;
    if (!moved) {
      if (connecting) pick(node); else focusNode(node);
      return;
    }
    const ring = ringAt(x, y);
    focusNode(node);  // so the redraw hands focus back to the person just moved
    place(node, ring, ring ? angleOf(x, y) : null);
  };
  layer.addEventListener("pointerup", finish);
  layer.addEventListener("pointercancel", () => {
    if (!drag) return;
    drag.node.setAttribute("transform", drag.from);
    drag.node.classList.remove("is-dragging");
    svg.classList.remove("is-dragging");
    drag = null;
  });

  // Keyboard: arrows move between people, digits and I/O choose a ring, C connects, Enter opens.
  svg.parentElement.addEventListener("keydown", (event) => {
    const node = event.target.closest(".node");
    if (!node) return;
    const all = ordered();
    const index = all.indexOf(node);
    const ring = Number(node.dataset.ring);
    const key = event.key;
    let handled = true;
    if ((key === "ArrowRight" || key === "ArrowLeft") && event.shiftKey) {
      if (ring) place(node, ring, ((Number(node.dataset.angle) || 0) + (key === "ArrowRight" ? 10 : -10) + 360) % 360);
    } else if (key === "ArrowRight" || key === "ArrowDown") focusNode(all[(index + 1) % all.length]);
    else if (key === "ArrowLeft" || key === "ArrowUp") focusNode(all[(index - 1 + all.length) % all.length]);
    else if (key === "Home") focusNode(all[0]);
    else if (key === "End") focusNode(all[all.length - 1]);
    else if (/^[0-9]$/.test(key) && Number(key) <= ringCount) {
      if (Number(key) !== ring) place(node, Number(key), node.dataset.angle === undefined ? null : Number(node.dataset.angle));
    } else if (key === "i" || key === "I") {
      const target = ring === 0 ? ringCount : Math.max(1, ring - 1);
      if (target !== ring) place(node, target, node.dataset.angle === undefined ? null : Number(node.dataset.angle));
    } else if (key === "o" || key === "O") {
      if (ring && ring < ringCount) place(node, ring + 1, node.dataset.angle === undefined ? null : Number(node.dataset.angle));
    } else if (key === "c" || key === "C") pick(node);
    else if (key === "Escape" && picked) { picked = null; prepare(); say(d.msgCancel); }
    else if (key === "Enter" || key === " ") {
      if (connecting) pick(node); else window.location.href = d.edit.replace("__key__", encodeURIComponent(node.dataset.key));
    } else handled = false;
    if (handled) event.preventDefault();
  });
  // On the HTML wrapper, not the SVG: Chrome makes an SVG element with focus listeners a Tab stop.
  svg.parentElement.addEventListener("focusin", (event) => {
    const node = event.target.closest(".node");
    if (node) focusKey = node.dataset.key;
  });

  if (connectButton) {
    connectButton.addEventListener("click", () => {
      connecting = !connecting;
      connectButton.setAttribute("aria-pressed", String(connecting));
      svg.classList.toggle("is-connecting", connecting);
      if (!connecting && picked) { picked = null; prepare(); }
    });
  }

  // Zoom around the centre with the buttons; drag the background to look around when zoomed in.
  function setView() {
    const [bx, by, bw, bh] = base;
    const w = bw / zoom, h = bh / zoom;
    const cx = Math.min(bx + bw - w / 2, Math.max(bx + w / 2, centre[0] || bx + bw / 2));
    const cy = Math.min(by + bh - h / 2, Math.max(by + h / 2, centre[1] || by + bh / 2));
    centre = [cx, cy];
    svg.classList.toggle("is-zoomed", zoom > 1);
    svg.setAttribute("viewBox", `${(cx - w / 2).toFixed(1)} ${(cy - h / 2).toFixed(1)} ${w.toFixed(1)} ${h.toFixed(1)}`);
  }
  centre = [base[0] + base[2] / 2, base[1] + base[3] / 2];
  for (const button of document.querySelectorAll("[data-zoom]")) {
    button.addEventListener("click", () => {
      const how = button.dataset.zoom;
      zoom = how === "in" ? Math.min(4, zoom * 1.4) : how === "out" ? Math.max(1, zoom / 1.4) : 1;
      if (how === "fit") centre = [base[0] + base[2] / 2, base[1] + base[3] / 2];
      setView();
    });
  }
  let pan = null;
  svg.addEventListener("pointerdown", (event) => {
    if (zoom === 1 || event.target.closest(".node")) return;
    pan = { x: event.clientX, y: event.clientY, centre: [...centre], id: event.pointerId };
    svg.setPointerCapture(event.pointerId);
  });
  svg.addEventListener("pointermove", (event) => {
    if (!pan || event.pointerId !== pan.id) return;
    const scale = (base[2] / zoom) / svg.getBoundingClientRect().width;
    centre = [pan.centre[0] - (event.clientX - pan.x) * scale, pan.centre[1] - (event.clientY - pan.y) * scale];
    setView();
  });
  svg.addEventListener("pointerup", () => { pan = null; });

  prepare();
  // Back from adding someone on the empty drawing: focus goes to that person, where the learner acted.
  // (Not through a #fragment: Chrome clears focus after scrolling to a fragment that cannot take it.)
  if (new URLSearchParams(window.location.search).get("done") === "added") focusNode(ordered()[ordered().length - 1]);
}
