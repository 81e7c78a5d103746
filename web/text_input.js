// Hidden text input: ImGui draws the text fields, but text reaches them through this textarea so
// IME composition (Chinese, Japanese, Korean, accents) and mobile virtual keyboards work. The page
// calls setActive() when a field gains or loses focus; a tap on a field focuses the textarea
// inside the tap itself, which is what mobile browsers need to open their keyboard.
'use strict';
(function () {
  const canvas = document.getElementById('canvas');
  const input = document.createElement('textarea');
  input.id = 'text-input';
  input.setAttribute('aria-hidden', 'true');
  input.tabIndex = -1;
  for (const [name, value] of [['autocomplete', 'off'], ['autocorrect', 'off'], ['autocapitalize', 'off'],
    ['spellcheck', 'false']]) input.setAttribute(name, value);
  document.body.appendChild(input);

  let composing = false;
  const send = (text) => { if (text && window.trashBridge) window.trashBridge.sendText(text); };
  input.addEventListener('compositionstart', () => { composing = true; });
  input.addEventListener('compositionend', (event) => {
    composing = false;
    send(event.data);
    input.value = '';
  });
  input.addEventListener('input', (event) => {
    if (composing || event.isComposing) return;
    send(input.value);
    input.value = '';
  });

  function place(x, y, w, h) {
    // Over the field, so the IME's candidate window opens next to it.
    input.style.left = x + 'px';
    input.style.top = y + 'px';
    input.style.width = Math.max(1, w) + 'px';
    input.style.height = Math.max(1, h) + 'px';
  }

  function fieldAt(x, y) {
    const widgets = (window.trashPage && window.trashPage.widgets) || [];
    return widgets.find((w) => w.role === 'textbox' && x >= w.x && x < w.x + w.w && y >= w.y && y < w.y + w.h);
  }

  // Only a tap focuses (as the page's touch handling decides, web_touch.cpp): a drag that ends
  // over a field, or a long press, must not open the keyboard.
  let start = null;
  canvas.addEventListener('touchstart', (event) => {
    const touch = event.changedTouches[0];
    start = event.touches.length === 1 && touch ? { x: touch.clientX, y: touch.clientY, t: event.timeStamp } : null;
  }, { passive: true });
  canvas.addEventListener('touchend', (event) => {
    const touch = event.changedTouches[0];
    const tap = start && touch && Math.hypot(touch.clientX - start.x, touch.clientY - start.y) <= 8 &&
      event.timeStamp - start.t < 500;
    start = null;
    const field = tap && fieldAt(touch.clientX, touch.clientY);
    if (!field) return;
    place(field.x, field.y, field.w, field.h);
    input.focus({ preventScroll: true });
  });

  window.trashTextInput = {
    element: input,
    setActive(active, x, y, w, h) {
      if (active) {
        place(x, y, w, h);
        if (document.activeElement !== input) input.focus({ preventScroll: true });
      } else if (document.activeElement === input) {
        canvas.focus({ preventScroll: true });
      }
    },
  };
})();
