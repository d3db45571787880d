// argmap's reviewer and adjudication pages: keys 1-9 give a label, a accepts the suggestion, n
// writes a note (enter saves it with the label), s or right skips, b or left goes back. Every
// answer is sent at once (POST to the page's data-post, /api/answers or /api/adjudications,
// with the page's CSRF token) with the time it was given.
"use strict";

(function () {
  const body = document.body;

  // the page a link lands on moves on to the review by itself
  if (body.dataset.continue) {
    window.location.replace(body.dataset.continue);
    return;
  }
  const statement = body.dataset.statement;
  if (!statement) {
    return;
  }
  const csrf = document.querySelector('meta[name="csrf-token"]').content;
  const note = document.getElementById("note");
  const status = document.getElementById("status");
  let current = body.dataset.label || "";
  let sending = false;

  function go(url) {
    if (url) {
      window.location.assign(url);
    }
  }

  async function answer(label, moveOn) {
    if (sending || !label) {
      return;
    }
    sending = true;
    status.textContent = "Saving...";
    try {
      const response = await fetch(body.dataset.post, {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
        body: JSON.stringify({
          statement_id: statement,
          label: label,
          note: note.value,
          answered_at: new Date().toISOString(),
        }),
      });
      const result = await response.json();
      if (!response.ok) {
        status.textContent = "Not saved: " + (result.error || response.status);
        return;
      }
      current = result.label;
      status.textContent = result.applied ? "Saved" : "A newer answer is kept: " + result.label;
      for (const button of document.querySelectorAll("button.label")) {
        button.classList.toggle("chosen", button.dataset.label === current);
      }
      if (result.answered !== undefined) {
        document.getElementById("answered").textContent = result.answered + " answered";
        document.getElementById("progress").value = result.answered;
      }
      if (moveOn) {
        go(body.dataset.next);
      }
    } catch (problem) {
      status.textContent = "Not saved (" + problem + "): try again";
    } finally {
      sending = false;
    }
  }

  for (const button of document.querySelectorAll("button.label")) {
    button.addEventListener("click", () => answer(button.dataset.label, true));
  }

  note.addEventListener("keydown", (event) => {
    if (event.key === "Enter") {
      event.preventDefault();
      if (current) {
        answer(current, false);
      } else {
        status.textContent = "Give a label (1-9) to save the note with it";
      }
      note.blur();
    } else if (event.key === "Escape") {
      note.blur();
    }
  });

  document.addEventListener("keydown", (event) => {
    if (event.target === note || event.ctrlKey || event.metaKey || event.altKey) {
      return;
    }
    const key = event.key;
    const labelled = document.querySelector('button.label[data-key="' + key + '"]');
    if (/^[1-9]$/.test(key) && labelled) {
      answer(labelled.dataset.label, true);
    } else if ((key === "a" || key === "Enter") && body.dataset.suggested) {
      answer(body.dataset.suggested, true);
    } else if (key === "n") {
      event.preventDefault();
      note.focus();
    } else if (key === "s" || key === "ArrowRight") {
      go(body.dataset.next);
    } else if (key === "b" || key === "ArrowLeft") {
      go(body.dataset.previous);
    } else {
      return;
    }
    event.preventDefault();
  });
})();
