// Accessibility mirror: a DOM tree kept in step with the page's widget registry, so screen readers
// and other assistive technology can read and operate a canvas app. Each widget becomes a real
// element with its ARIA role, placed over the pixels it stands for (invisible, and transparent to
// the mouse). Names come from users, so everything is set with textContent and attributes, never
// innerHTML. Activating an element clicks its widget in the page. Focus is kept in step both
// ways: DOM focus on an element moves the page's row cursor or menu highlight there (and rings
// the widget), and the page's keyboard cursor is the grid's active descendant, its open menu's
// highlighted item the focused element.
'use strict';
(function () {
  const root = document.createElement('div');
  root.id = 'a11y-mirror';
  document.body.appendChild(root);
  const main = document.createElement('main');
  main.setAttribute('aria-label', 'Settings');
  root.appendChild(main);
  // Toasts, each an alert followed by its own buttons (Undo, Dismiss), in a region of their own.
  const announcer = document.createElement('div');
  announcer.className = 'a11y-live';
  announcer.setAttribute('role', 'region');
  announcer.setAttribute('aria-label', 'Notifications');
  root.appendChild(announcer);

  // Enter and Space on a mirror button activate it (a click), and Tab moves between mirror
  // elements: those stay here. Every other key bubbles on to the page's own handling on the
  // document (arrows, Esc, the context-menu key, Ctrl/Cmd+C), as if the canvas had focus.
  for (const type of ['keydown', 'keyup']) {
    root.addEventListener(type, (event) => {
      const native = event.target.tagName === 'BUTTON' || event.target.tagName === 'INPUT';
      if (event.key === 'Tab' || (native && (event.key === 'Enter' || event.key === ' '))) event.stopPropagation();
    });
  }

  const elements = new Map();  // widget id → element
  let latest = [];

  // Clicks the widget where the page drew it last, not where this element was last placed: the
  // mirror catches up only once the page is still, and a dialog that sizes itself moves in its
  // first frames (Enter on its Cancel clicked the empty place Cancel had left).
  function activate(widget) {
    const page = window.trashPage;
    const current = (page && page.widgets && page.widgets.find((w) => w.id === widget.id)) || widget;
    if (!current.enabled || !window.trashBridge) return;
    window.trashBridge.activateAt(current.x + current.w / 2, current.y + current.h / 2);
  }

  // Descriptions (tooltips) live outside their element, so they describe it without becoming
  // part of its accessible name.
  const descriptions = document.createElement('div');
  descriptions.className = 'a11y-descriptions';
  root.appendChild(descriptions);

  // The description belongs to the element (not the widget id), so it moves with an element that
  // a new row adopts.
  // Its id is the element's for life (not the widget's), so a row adopted by another row rewrites
  // no ids and references, only the text where it differs.
  let descriptionCount = 0;
  function describe(element, widget) {
    let description = element._description;
    if (widget.description) {
      if (!description) {
        description = element._description = document.createElement('span');
        description.id = 'a11y-desc-' + ++descriptionCount;
        descriptions.appendChild(description);
      }
      setText(description, widget.description);
      setAttr(element, 'aria-describedby', description.id);
    } else {
      if (description) { description.remove(); element._description = null; }
      setAttr(element, 'aria-describedby', null);
    }
  }

  const TAGS = { button: 'button', link: 'button', tab: 'button', checkbox: 'button', textbox: 'input',
                 row: 'div', grouprow: 'div', headerrow: 'div', grid: 'div', cell: 'div', columnheader: 'div',
                 dialog: 'div', alert: 'div', status: 'span', timer: 'span', text: 'span', img: 'span', menu: 'div', menuitem: 'div' };
  const ROW_ROLES = new Set(['row', 'grouprow', 'headerrow']);
  const SORT = { ascending: 'ascending', descending: 'descending' };

  // Writes only what differs from the last write: while the list scrolls, most elements keep
  // their names and states and only move, and every write, even of the same value, can cost
  // the browser a style recalculation.
  function setAttr(element, name, value) {
    const written = element._attrs || (element._attrs = {});
    if (written[name] === value) return;
    written[name] = value;
    if (value === null) element.removeAttribute(name); else element.setAttribute(name, value);
  }
  // A text changes in its own Text node (one characterData change): replacing the node would cost
  // the browser a new layout object and its style, not just the text's shaping again.
  function setText(node, text) {
    if (node._text === text) return;
    node._text = text;
    const first = node.firstChild;
    if (first && first.nodeType === Node.TEXT_NODE && !first.nextSibling) first.data = text;
    else node.textContent = text;
  }
  // A widget in a grid row is placed relative to its row (the row contains its layout, see
  // shell.css), so while the list scrolls only the rows move: their widgets keep their places.
  function place(element, widget, row) {
    const box = element._box || (element._box = {});
    const style = element.style;
    const x = row ? widget.x - row.x : widget.x, y = row ? widget.y - row.y : widget.y;
    if (box.x !== x) { box.x = x; style.left = x + 'px'; }
    if (box.y !== y) { box.y = y; style.top = y + 'px'; }
    if (box.w !== widget.w) { box.w = widget.w; style.width = widget.w + 'px'; }
    if (box.h !== widget.h) { box.h = widget.h; style.height = widget.h + 'px'; }
  }

  function elementFor(widget) {
    const tag = TAGS[widget.role] || 'span';
    let element = elements.get(widget.id);
    if (!element || element._tag !== tag) {
      if (element && element._description) element._description.remove();
      element = document.createElement(tag);
      element._tag = tag;
      element._for = widget.id;
      element.dataset.widget = widget.id;
      if (tag === 'button') {
        element.type = 'button';
        element.addEventListener('click', () => activate(element._widget));
      }
      if (tag === 'input') {
        element.type = 'text';
        element.readOnly = true;  // typing goes to the page's own field, which this focuses
        element.addEventListener('focus', () => { if (!/focused/.test(element._widget.state)) activate(element._widget); });
      }
      if (widget.role === 'row' || widget.role === 'menuitem') {
        element.id = 'a11y-' + widget.id;  // the grid's aria-activedescendant names rows by id
        element.tabIndex = -1;
        element.addEventListener('click', (event) => { if (event.target === element) activate(element._widget); });
      }
      if (widget.role === 'columnheader' && widget.description) {  // sortable: a button inside the header
        const sortButton = document.createElement('button');
        sortButton.type = 'button';
        sortButton.className = 'a11y-label';
        sortButton.addEventListener('click', () => activate(element._widget));
        element.appendChild(sortButton);
      }
      element._fresh = true;
      elements.set(widget.id, element);
    } else if (element._for !== widget.id) {  // adopted from a widget that scrolled away
      element._for = widget.id;
      element.dataset.widget = widget.id;
      if (widget.role === 'row' || widget.role === 'menuitem') element.id = 'a11y-' + widget.id;
    }
    element._widget = widget;
    return element;
  }

  // What the element says: its role, name, states and description (written only where they differ).
  function writeContent(element, widget) {
    const state = ' ' + (widget.state || '') + ' ';
    const label = widget.label || '';
    switch (widget.role) {
      case 'link': setAttr(element, 'role', 'link'); break;
      case 'tab': setAttr(element, 'role', 'tab'); setAttr(element, 'aria-selected', String(state.includes(' selected '))); break;
      case 'checkbox': setAttr(element, 'role', 'checkbox');
        setAttr(element, 'aria-checked', state.includes(' mixed ') ? 'mixed' : String(state.includes(' checked '))); break;
      case 'row': setAttr(element, 'role', 'row'); setAttr(element, 'aria-selected', String(state.includes(' selected '))); break;
      case 'grouprow': case 'headerrow': setAttr(element, 'role', 'row'); break;
      case 'grid': setAttr(element, 'role', 'grid'); setAttr(element, 'aria-rowcount', String(widget.count || -1)); break;
      case 'cell': setAttr(element, 'role', 'gridcell'); break;
      case 'columnheader': {
        setAttr(element, 'role', 'columnheader');
        const sort = SORT[(widget.state || '').split(' ').find((word) => SORT[word])];
        if (sort) setAttr(element, 'aria-sort', sort); else setAttr(element, 'aria-sort', null);
        break;
      }
      case 'img': setAttr(element, 'role', 'img'); break;
      case 'dialog': setAttr(element, 'role', 'dialog'); setAttr(element, 'aria-modal', 'true'); break;
      case 'menu': setAttr(element, 'role', 'menu'); break;
      case 'menuitem': setAttr(element, 'role', 'menuitem'); break;
      case 'alert': setAttr(element, 'role', 'alert'); break;
      case 'status': setAttr(element, 'role', 'status'); break;
      // A countdown: ARIA's timer is a live region a screen reader does not announce at every tick.
      case 'timer': setAttr(element, 'role', 'timer'); break;
      default: break;
    }
    if (element.tagName === 'INPUT') {
      setAttr(element, 'aria-label', label);
      if (element.value !== (widget.value || '')) element.value = widget.value || '';
    } else if (ROW_ROLES.has(widget.role) || widget.role === 'dialog' || widget.role === 'grid' ||
               widget.role === 'img' || widget.role === 'menu') {
      setAttr(element, 'aria-label', label);
    } else if (widget.role === 'columnheader' && !widget.description) {
      setText(element, label);
    } else {
      let text = element._label;
      if (!text) {
        text = element.querySelector(':scope > .a11y-label');
        if (!text) {
          text = document.createElement('span');
          text.className = 'a11y-label';
          element.insertBefore(text, element.firstChild);
        }
        element._label = text;
      }
      setText(text, label);
    }
    setAttr(element, 'aria-disabled', widget.enabled ? null : 'true');
    if (state.includes(' busy ')) setAttr(element, 'aria-busy', 'true'); else setAttr(element, 'aria-busy', null);
    if (state.includes(' expanded ') || state.includes(' collapsed ')) setAttr(element, 'aria-expanded', String(state.includes(' expanded ')));
    else setAttr(element, 'aria-expanded', null);
    if (widget.index > 0) setAttr(element, 'aria-rowindex', String(widget.index)); else setAttr(element, 'aria-rowindex', null);
    describe(element, widget);
  }

  const inside = (outer, w) => {
    const cx = w.x + w.w / 2, cy = w.y + w.h / 2;
    return cx >= outer.x && cx < outer.x + outer.w && cy >= outer.y && cy < outer.y + outer.h;
  };
  // The grid row a widget is filed in: the first row (in drawing order) whose box holds its
  // centre. The rows are sorted by top once, so each widget looks only at the rows that start
  // less than the tallest row's height above its centre, not at every row.
  function rowFinder(rows) {
    const byTop = rows.map((row, order) => ({ row, order })).sort((a, b) => a.row.y - b.row.y);
    const tallest = rows.reduce((most, row) => Math.max(most, row.h), 0);
    return (w) => {
      const cy = w.y + w.h / 2;
      let lo = 0, hi = byTop.length;  // lo: the first row starting below the centre
      while (lo < hi) { const mid = (lo + hi) >> 1; if (byTop[mid].row.y <= cy) lo = mid + 1; else hi = mid; }
      let best = null;
      for (let k = lo - 1; k >= 0 && byTop[k].row.y > cy - tallest; k--) {
        if ((!best || byTop[k].order < best.order) && inside(byTop[k].row, w)) best = byTop[k];
      }
      return best && best.row;
    };
  }

  // Puts `children` into `parent` in order, touching only what moved (moving a focused element
  // would drop its focus, and a moved element costs the browser its whole subtree again). Nodes no
  // longer wanted go first; of those left, the longest run already in order stays where it is and
  // only the others are moved, so rows lent from the top of a grid to rows scrolled in at its
  // bottom move alone, not every row that stayed.
  function reconcile(parent, children, keep) {
    if (inPlace(parent, children, keep)) return;  // most of a catch-up's calls: nothing moved
    const wanted = new Set(children);
    for (let node = parent.firstChild; node; ) {
      const next = node.nextSibling;
      if (!wanted.has(node) && !(keep && keep(node))) parent.removeChild(node);
      node = next;
    }
    const at = new Map();
    let i = 0;
    for (let node = parent.firstChild; node; node = node.nextSibling) at.set(node, i++);
    const stay = inOrder(children.map((child) => (at.has(child) ? at.get(child) : -1)));
    let before = null;
    for (let k = children.length - 1; k >= 0; k--) {
      if (!stay.has(k)) parent.insertBefore(children[k], before);
      before = children[k];
    }
  }
  // Whether `parent` holds exactly `children`, in order (with the nodes `keep` spares among them).
  function inPlace(parent, children, keep) {
    let k = 0;
    for (let node = parent.firstChild; node; node = node.nextSibling) {
      if (k < children.length && node === children[k]) k++;
      else if (!(keep && keep(node))) return false;
    }
    return k === children.length;
  }
  // The indices of the longest strictly increasing run of `positions` (-1: not there), as a set.
  function inOrder(positions) {
    const tails = [];  // tails[n]: index ending the best run of length n + 1
    const previous = new Array(positions.length);
    positions.forEach((p, k) => {
      if (p < 0) return;
      let lo = 0, hi = tails.length;
      while (lo < hi) { const mid = (lo + hi) >> 1; if (positions[tails[mid]] < p) lo = mid + 1; else hi = mid; }
      previous[k] = lo > 0 ? tails[lo - 1] : -1;
      tails[lo] = k;
    });
    const stay = new Set();
    for (let k = tails.length ? tails[tails.length - 1] : -1; k >= 0; k = previous[k]) stay.add(k);
    return stay;
  }

  // A keyed helper element (a synthetic grid, tablist or cell wrapper) that lives as long as its owner.
  function helper(key, role, label) {
    let element = elements.get(key);
    if (!element) {
      element = document.createElement('div');
      element.setAttribute('role', role);
      if (label) element.setAttribute('aria-label', label);
      elements.set(key, element);
    }
    return element;
  }
  // A helper element (a cell wrapper) kept on the element it belongs to, so it goes wherever that
  // element goes: a row adopted by a new row brings its cells along.
  function ownHelper(owner, key, role) {
    const helpers = owner._helpers || (owner._helpers = new Map());
    let element = helpers.get(key);
    if (!element) {
      element = document.createElement('div');
      element.setAttribute('role', role);
      helpers.set(key, element);
    }
    return element;
  }

  // The cells of one grid row. With a header row, each widget goes to the column whose header
  // starts left of its centre, so every row has one cell per column, aligned with the headers
  // (empty columns get an empty cell); a group row is one cell across all columns.
  function rowCells(row, children, columns) {
    const rowElement = elements.get(row.id);
    if (row.role === 'grouprow') {
      const cell = ownHelper(rowElement, 'group', 'gridcell');
      setAttr(cell, 'aria-colspan', String(Math.max(1, columns.length)));
      reconcile(cell, children.map((w) => elements.get(w.id)));
      return [cell];
    }
    if (!columns.length) {  // no header row: a name cell, then one cell per widget
      const name = ownHelper(rowElement, 'name', 'gridcell');
      setText(name, row.label);
      return [name, ...children.map((w) => {
        const cell = ownHelper(elements.get(w.id), 'cell', 'gridcell');
        reconcile(cell, [elements.get(w.id)]);
        return cell;
      })];
    }
    const byColumn = columns.map(() => []);
    for (const w of children) {
      const centre = w.x + w.w / 2;
      let column = 0;
      columns.forEach((c, i) => { if (c.x <= centre) column = i; });
      byColumn[column].push(w);
    }
    return byColumn.map((ws, i) => {
      if (row.role === 'headerrow' && ws.length === 1 && ws[0].role === 'columnheader') return elements.get(ws[0].id);
      const own = row.role !== 'headerrow' && ws.find((w) => w.role === 'cell');
      if (own) {  // the cell's own text first, then what else sits in its column (the amber mark)
        const element = elements.get(own.id);
        reconcile(element, ws.filter((w) => w !== own).map((w) => elements.get(w.id)),
          (node) => node.classList && node.classList.contains('a11y-label'));
        return element;
      }
      const role = row.role === 'headerrow' ? 'columnheader' : 'gridcell';
      const cell = ownHelper(rowElement, role + i, role);
      reconcile(cell, ws.map((w) => elements.get(w.id)));
      return cell;
    });
  }

  // Rows that scrolled away lend their elements to the rows that scrolled in: a row new to the
  // mirror takes the element of a row of its kind no longer drawn (its cells come with it), and
  // each of its widgets the element of the widget with the same part in that row
  // ("row/…/d_1/restore" takes "row/…/d_0/restore"). The mirror then writes only the names and
  // states that differ, and creates no elements while the list scrolls.
  function adopt(visible) {
    const drawn = new Set(visible.map((w) => w.id));
    const gone = (id) => !drawn.has(id) && !id.startsWith('__');
    // Spare rows are lent in their order in the document, so rows that scrolled in (in order) get
    // elements already in that order: after a long scroll no row element has to move, and a moved
    // element costs the browser its whole subtree again (style, layout), not just its new text.
    // Rows are their grid's children, so one walk over each grid's children puts them in order
    // (no comparing of positions); a row out of the tree comes last.
    const goneIds = new Map();  // element → id
    for (const [id, element] of elements) {
      const role = element._widget && element._widget.role;
      if (ROW_ROLES.has(role) && gone(id)) goneIds.set(element, id);
    }
    const gones = [];
    for (const parent of new Set([...goneIds.keys()].map((element) => element.parentNode))) {
      if (!parent) continue;
      for (let node = parent.firstChild; node; node = node.nextSibling) {
        if (goneIds.has(node)) gones.push([goneIds.get(node), node]);
      }
    }
    for (const [element, id] of goneIds) if (!element.parentNode) gones.push([id, element]);
    const spareRows = new Map();  // role → ids of rows no longer drawn
    for (const [id, element] of gones) {
      const role = element._widget.role;
      if (!spareRows.has(role)) spareRows.set(role, []);
      spareRows.get(role).push(id);
    }
    const lender = new Map();  // new row id → the id of the row whose elements it takes
    const move = (from, to) => { elements.set(to, elements.get(from)); elements.delete(from); };
    for (const w of visible) {
      if (elements.has(w.id)) continue;
      const spare = ROW_ROLES.has(w.role) && spareRows.get(w.role);
      if (spare && spare.length) {
        const from = spare.shift();
        lender.set(w.id, from);
        move(from, w.id);
        continue;
      }
      const slash = w.id.lastIndexOf('/');
      const from = slash > 0 && lender.get(w.id.slice(0, slash));
      const part = from && from + w.id.slice(slash);
      if (part && elements.has(part) && gone(part)) move(part, w.id);
    }
  }

  // A catch-up after a long scroll rewrites every row drawn (a row adopted by another row takes its
  // names and states, and its cells are filed again), and the browser lays out what was written
  // before its next frame: done at once, that is one task of tens of milliseconds and a frame with
  // the whole mirror's style, layout and paint. So each row (its cells, then its widgets' names,
  // states and places) is a job, written in slices of about SLICE_MS, one slice per frame (after a
  // frame, in idle time) and none in the catch-up's own task, which with the layout it causes is
  // already the busiest frame of a scroll: so a frame lays out only the rows of one slice. A newer
  // catch-up replaces the jobs still waiting. The tree's structure (which rows, in which order,
  // their ids and focus) is in step at once. A slice's rows cost the browser about three times
  // their script in style, layout and paint in the same frame. The worst catch-up frame, in
  // main-thread CPU (alternating bench runs): 5-8 ms with 2 ms slices, 6.5-12 with 4, 6.5-10 with
  // all rows in one idle callback, 5-6 with 1 ms (twice the frames); the scroll's median does not
  // move with it (the catch-up is a few frames of forty or more).
  const SLICE_MS = 2;
  const whenIdle = window.requestIdleCallback ? (run) => window.requestIdleCallback(run, { timeout: 250 })
    : (run) => setTimeout(() => run(null), 16);
  const cancelIdle = window.cancelIdleCallback || clearTimeout;
  let rowJobs = [];
  let idleHandle = 0;
  let frameHandle = 0;
  function writeRows(jobs) {
    if (idleHandle) cancelIdle(idleHandle);
    if (frameHandle) cancelAnimationFrame(frameHandle);
    idleHandle = frameHandle = 0;
    rowJobs = jobs;
    nextSlice();
  }
  function nextSlice() {  // after the frame that lays out what was written before
    if (rowJobs.length) frameHandle = requestAnimationFrame(() => { frameHandle = 0; idleHandle = whenIdle(writeSlice); });
  }
  function writeSlice(deadline) {
    idleHandle = 0;
    const end = performance.now() + (deadline ? Math.min(SLICE_MS, Math.max(1, deadline.timeRemaining())) : SLICE_MS);
    while (rowJobs.length && performance.now() < end) writeRow(rowJobs.shift());
    nextSlice();
  }
  function writeRow({ row, children, columns }) {
    const rowElement = elements.get(row.id);
    if (!rowElement || rowElement._widget !== row) return;  // gone, or taken by a newer catch-up
    reconcile(rowElement, rowCells(row, children, columns));
    for (const w of [row, ...children]) {
      const element = elements.get(w.id);
      if (!element || element._widget !== w) continue;
      writeContent(element, w);
      place(element, w, w === row ? null : row);
    }
  }

  function update(widgets) {
    latest = widgets;
    const dialogIndex = widgets.findIndex((w) => w.role === 'dialog');
    const dialog = dialogIndex >= 0 ? widgets[dialogIndex] : null;
    // While a dialog is open, the page behind it is inert: only the dialog is exposed. The dialog
    // is drawn after the page, so its own widgets are the ones registered after it.
    const visible = dialog ? widgets.filter((w, i) => i >= dialogIndex || w.role === 'alert') : widgets;
    adopt(visible);
    const gridWidget = visible.find((w) => w.role === 'grid');
    const rows = visible.filter((w) => ROW_ROLES.has(w.role));
    const rowAt = rowFinder(rows);
    const seen = new Set();
    const topLevel = [];
    // The table registers its grid; without one, rows still get a grid of their own.
    const grid = gridWidget ? null : rows.length ? helper('__grid', 'grid', 'Trash items') : null;
    const rowChildren = new Map(rows.map((r) => [r.id, []]));
    const dialogChildren = [];
    const menuChildren = [];
    const menu = visible.find((w) => w.role === 'menu');
    const tabs = [];
    const gridRows = [];
    const alerts = [];
    const toasts = new Map();  // "toast/7" → its alert and buttons: never filed by geometry
    const rowOf = new Map();  // widget → the grid row it is filed in
    for (const w of visible) {
      seen.add(w.id);
      const element = elementFor(w);
      // A new element gets its content before it joins the tree (cheaper for the browser than later).
      if (element._fresh) { element._fresh = false; writeContent(element, w); }
      const toast = w.id.startsWith('toast/') && /^toast\/[^/]+/.exec(w.id);
      if (toast) {
        if (!toasts.has(toast[0])) toasts.set(toast[0], []);
        toasts.get(toast[0])[w.role === 'alert' ? 'unshift' : 'push'](element);
        continue;
      }
      if (w.role === 'alert') { alerts.push(element); continue; }
      if (w === dialog || w === gridWidget) { topLevel.push(element); continue; }
      if (ROW_ROLES.has(w.role)) { gridRows.push(element); continue; }
      if (w === menu) { topLevel.push(element); continue; }  // it floats over rows: not one of their cells
      if (w.role === 'menuitem') { menuChildren.push(element); continue; }
      const row = rowAt(w);
      if (row) {
        rowChildren.get(row.id).push(w);
        rowOf.set(w, row);
        continue;
      }
      if (dialog && w.role !== 'alert') { dialogChildren.push(element); continue; }
      if (w.role === 'tab') {  // tabs live in a tablist (the Settings navigation)
        const list = helper('__tablist', 'tablist', 'Settings');
        tabs.push(element);
        if (!topLevel.includes(list)) topLevel.push(list);
        continue;
      }
      topLevel.push(element);
    }
    for (const w of visible) {
      if (rowChildren.has(w.id) || rowOf.has(w)) continue;
      writeContent(elements.get(w.id), w);
      place(elements.get(w.id), w, null);
    }
    const header = rows.find((r) => r.role === 'headerrow');
    const columns = header ? rowChildren.get(header.id).slice().sort((a, b) => a.x - b.x) : [];
    if (dialog) {
      const dialogElement = elements.get(dialog.id);
      reconcile(dialogElement, dialogChildren);
      // Named by its title and described by its first paragraph, as screen readers expect.
      const title = dialogChildren.find((e) => e._widget && e._widget.id === 'dialog/title');
      const text = dialogChildren.find((e) => e._widget && e._widget.role === 'text' && e !== title);
      for (const [attribute, element] of [['aria-labelledby', title], ['aria-describedby', text]]) {
        if (element && !element.id) element.id = 'a11y-' + element._widget.id.replace(/[^\w-]/g, '-');
        setAttr(dialogElement, attribute, element ? element.id : null);
      }
    }
    if (menu) reconcile(elements.get(menu.id), menuChildren);
    if (tabs.length) reconcile(elements.get('__tablist'), tabs);
    if (gridWidget) {
      reconcile(elements.get(gridWidget.id), gridRows);
    } else if (grid) {
      reconcile(grid, gridRows);
      // The grid sits where its first row is, after what is drawn above the table.
      const firstRow = rows[0];
      const index = topLevel.findIndex((e) => e._widget && e._widget.y > firstRow.y);
      topLevel.splice(index < 0 ? topLevel.length : index, 0, grid);
    }
    reconcile(main, topLevel);
    for (const parts of toasts.values()) alerts.push(...parts);
    reconcile(announcer, alerts);
    for (const [id, element] of elements) {
      if (id.startsWith('__') || seen.has(id)) continue;
      if (element._description) element._description.remove();
      elements.delete(id);
    }
    const gridElement = gridWidget ? elements.get(gridWidget.id) : grid;
    if (gridElement) gridElement.tabIndex = 0;  // Tab reaches the list; the cursor row is its active descendant
    followPageFocus(visible, gridElement);
    // A row with an element new to the tree is filed at once (a new element has its content
    // already, and a screen reader must not meet an empty row); the others, whose elements are in
    // place with their last content, in the row jobs.
    const jobs = rows.map((row) => ({ row, children: rowChildren.get(row.id), columns }));
    for (const job of jobs) {
      const fresh = [job.row, ...job.children].some((w) => !elements.get(w.id).isConnected);
      if (fresh) reconcile(elements.get(job.row.id), rowCells(job.row, job.children, columns));
    }
    writeRows(jobs);
  }

  // [Page → mirror] The cursor row is the grid's active descendant. When the page's keyboard focus
  // moves (arrows, the row menu opening or closing), DOM focus follows, to the grid or to the
  // highlighted menu item, unless it is somewhere the page does not own (the hidden text input
  // while typing, anything outside the page).
  const focusedIn = (w) => / focused /.test(' ' + (w.state || '') + ' ');
  let lastPageFocus = '';
  let following = false;  // focus moved by the mirror itself: not news for the page
  function followPageFocus(visible, grid) {
    const row = visible.find((w) => w.role === 'row' && focusedIn(w));
    const item = visible.find((w) => w.role === 'menuitem' && focusedIn(w));
    if (grid) {
      if (row) grid.setAttribute('aria-activedescendant', 'a11y-' + row.id);
      else grid.removeAttribute('aria-activedescendant');
    }
    const key = item ? item.id : row ? row.id : '';
    if (key === lastPageFocus) return;
    // Not between a press and its release: the canvas would lose the press. The catch-up after
    // the release moves focus.
    if (pointerDown) { pendingSince = pendingSince || performance.now(); return; }
    lastPageFocus = key;
    const target = item ? elements.get(item.id) : row ? grid : null;
    const active = document.activeElement;
    const pageOwnsFocus = !active || active === document.body || active.id === 'canvas' || root.contains(active);
    if (!target || !pageOwnsFocus || active === target) return;
    following = true;
    target.focus({ preventScroll: true });
    following = false;
  }

  // [Mirror → page] Tab or a screen reader put DOM focus on an element: the page's cursor or menu
  // highlight goes to its widget, drawn with the focus ring. The grid itself stands for its cursor
  // row (the first row when there is none yet). Text fields are activated by their focus handler.
  root.addEventListener('focusin', (event) => {
    if (following || !window.trashBridge) return;
    const target = event.target;
    let widget = target._widget;
    if (target.getAttribute('role') === 'grid') {
      widget = latest.find((w) => w.role === 'row' && focusedIn(w)) || latest.find((w) => w.role === 'row');
    }
    if (!widget || widget.role === 'textbox') return;
    if (widget.role === 'row' || widget.role === 'menuitem') lastPageFocus = widget.id;  // already where it should be
    window.trashBridge.focusWidget(widget.id);
  });
  // Focus left the mirror (for the canvas, the text input or the browser): the page drops its ring.
  root.addEventListener('focusout', (event) => {
    if (following || !window.trashBridge || (event.relatedTarget && root.contains(event.relatedTarget))) return;
    window.trashBridge.focusWidget('');
  });

  // The catch-up waits until the page is still: no registry change and no input (wheel, keys,
  // pointer) for QUIET_MS, so while the user scrolls the page draws frames and the mirror does no
  // DOM work. A page kept busy for longer still gets a catch-up after STALE_MS, so a screen reader
  // never reads a tree older than that; one while a pointer button is down moves no focus. A wheel
  // is different: the main thread sees its events once per frame, so on a slow or busy machine
  // they come further apart than QUIET_MS while the wheel still turns. After a wheel event the
  // mirror waits WHEEL_QUIET_MS, or twice the longest of the last gaps between events and
  // registry changes (each up to MAX_GAP_MS) if that is longer, and no stale catch-up cuts into
  // a scroll: the list is moving, and the catch-up would be stale again at the next frame.
  const QUIET_MS = 150;
  const WHEEL_QUIET_MS = 400;
  const STALE_MS = 2000;
  const MAX_GAP_MS = 1000;  // a longer gap is a pause, not the frame rhythm
  let timer = 0;
  let timerAt = 0;  // when the pending timer fires
  let dueAt = 0;  // when the catch-up is due
  let pendingSince = 0;  // when the registry first changed since the last catch-up (0: in step)
  let lastActivity = 0;
  let pointerDown = false;
  let wheeling = false;  // the last input was a wheel event
  const gaps = [];  // the last few gaps between activities (ms), a slow machine's frame rhythm
  let catchUps = 0;
  function note(now) {
    const gap = now - lastActivity;
    if (gap <= MAX_GAP_MS) { gaps.push(gap); if (gaps.length > 4) gaps.shift(); }
    lastActivity = now;
  }
  // A scroll moves the due time at every wheel event and frame (several times a frame): the timer
  // is set again only when the catch-up became due sooner; one that fires early sets itself for
  // the rest.
  function arm() {
    if (!pendingSince) { clearTimeout(timer); timer = 0; return; }
    dueAt = wheeling ? lastActivity + Math.max(WHEEL_QUIET_MS, 2 * Math.max(0, ...gaps))
      : Math.min(lastActivity + QUIET_MS, pendingSince + STALE_MS);
    if (timer && timerAt <= dueAt) return;
    clearTimeout(timer);
    setTimer(dueAt);
  }
  function setTimer(at) {
    timerAt = at;
    timer = setTimeout(wake, Math.max(0, at - performance.now()));
  }
  function wake() {
    timer = 0;
    if (!pendingSince) return;
    if (performance.now() + 1 < dueAt) setTimer(dueAt);  // moved later since it was set
    else catchUp();
  }
  function catchUp() {
    pendingSince = 0;
    catchUps++;
    update(window.trashPage.widgets);
  }
  function schedule() {
    note(performance.now());
    if (!pendingSince) pendingSince = lastActivity;
    arm();
  }
  function input(event) {
    if (event.type === 'pointerdown') pointerDown = true;
    else if (event.type === 'pointerup' || event.type === 'pointercancel') pointerDown = event.buttons !== 0;
    wheeling = event.type === 'wheel';
    note(performance.now());
    if (pendingSince) arm();
  }
  for (const type of ['wheel', 'keydown', 'keyup', 'pointerdown', 'pointerup', 'pointercancel']) {
    window.addEventListener(type, input, { capture: true, passive: true });
  }

  window.trashA11y = {
    root,
    update,
    schedule,
    // Whether a catch-up is due or still writing rows (the bench waits for it), and how many ran.
    busy: () => pendingSince !== 0 || rowJobs.length > 0,
    get catchUps() { return catchUps; },
    find(role, name) {
      return latest.find((w) => w.role === role && (name instanceof RegExp ? name.test(w.label) : w.label === name));
    },
  };
})();
