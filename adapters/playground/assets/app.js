// advocacy-bot playground: renders the engine's neutral messages and sends what the person does.
// Everything is built with DOM APIs and textContent: message text is never parsed as HTML.
"use strict";
(() => {
  const $ = (id) => document.getElementById(id);
  const state = { ws: null, users: [], me: null, conv: "dm", dm: [], channel: [], unread: { dm: 0, advocacy: 0 } };

  // The page's own words, in the chosen person's language (the bot's messages come translated by the engine).
  const WORDS = {
    en: { you_are: "You are", dms: "Direct messages", try: "Try", send: "Send", dm_title: "Direct messages with advocacy-bot",
          placeholder: "Message advocacy-bot, or /advocacy help", only_you: "only visible to you", suggested: "Suggested post",
          react: "✅ react", react_title: "React with ✅ to say you shared it", connected: "connected",
          retrying: "disconnected — retrying…", error: "error: " },
    fr: { you_are: "Vous êtes", dms: "Messages directs", try: "Essayez", send: "Envoyer",
          dm_title: "Messages directs avec advocacy-bot", placeholder: "Écrivez à advocacy-bot, ou /advocacy aide",
          only_you: "visible par vous seul·e", suggested: "Suggestion de post", react: "✅ réagir",
          react_title: "Réagissez avec ✅ pour dire que vous avez partagé", connected: "connecté",
          retrying: "déconnecté — nouvelle tentative…", error: "erreur : " },
  };
  const t = (key) => (WORDS[document.documentElement.lang] || WORDS.en)[key];
  function applyWords() {
    for (const e of document.querySelectorAll("[data-i18n]")) e.textContent = t(e.dataset.i18n);
    $("input").placeholder = t("placeholder");
  }

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function send(frame) {
    if (state.ws && state.ws.readyState === WebSocket.OPEN) state.ws.send(JSON.stringify(frame));
  }

  function renderBlock(block, msgId) {
    switch (block.type) {
      case "header": return el("h3", null, block.text);
      case "rich_text": {
        const p = el("div", "rich");
        for (const s of block.spans) {
          let node = s.link ? el("a", null, s.text) : el("span", null, s.text);
          if (s.link) { node.href = s.link; node.target = "_blank"; node.rel = "noopener"; }
          if (s.bold) { const b = el("strong"); b.appendChild(node); node = b; }
          if (s.italic) { const i = el("em"); i.appendChild(node); node = i; }
          p.appendChild(node);
        }
        return p;
      }
      case "content_card": {
        const c = el("div", "card");
        c.dataset.testid = "content-card";
        const a = el("a", "title-link", block.title);
        a.href = block.url; a.target = "_blank"; a.rel = "noopener";
        c.appendChild(a);
        if (block.summary) c.appendChild(el("div", "summary", block.summary));
        if (block.suggested_text) {
          const s = el("div", "suggested", block.suggested_text);
          s.dataset.label = t("suggested");
          c.appendChild(s);
        }
        return c;
      }
      case "fields": {
        const g = el("div", "fields");
        for (const f of block.fields) {
          g.appendChild(el("div", "label", f.label));
          g.appendChild(el("div", "value", f.value));
        }
        return g;
      }
      case "buttons": {
        const row = el("div", "buttons");
        for (const b of block.buttons) {
          if (b.url) {
            const a = el("a", b.style, b.label);
            a.href = b.url; a.target = "_blank"; a.rel = "noopener";
            a.dataset.action = b.action_id;
            row.appendChild(a);
          } else {
            const btn = el("button", b.style, b.label);
            btn.type = "button";
            btn.dataset.action = b.action_id;
            btn.addEventListener("click", () => {
              btn.disabled = true;
              send({ type: "action", message_id: msgId, action_id: b.action_id, value: b.value });
            });
            row.appendChild(btn);
          }
        }
        return row;
      }
      case "context": return el("div", "context", block.text);
      case "divider": return el("hr", "divider");
      default: return el("div", "context", block.fallback_text || "");
    }
  }

  function userName(id) {
    const u = state.users.find((x) => x.id === id);
    return u ? u.name : id;
  }

  function renderMessage(m) {
    const row = el("div", "msg");
    row.dataset.id = m.id;
    row.dataset.testid = "message";
    const fromBot = m.from === "bot";
    const name = fromBot ? "advocacy-bot" : userName(m.from);
    row.appendChild(el("div", "avatar" + (fromBot ? "" : " user"), name.charAt(0).toUpperCase()));
    const bubble = el("div", "bubble");
    const head = el("div");
    head.appendChild(el("span", "name", name));
    if (m.body && m.body.ephemeral) { row.classList.add("ephemeral"); head.appendChild(el("span", "note", t("only_you"))); }
    bubble.appendChild(head);
    if (m.body) {
      row.dataset.kind = m.body.kind;
      if (m.body.blocks.length === 0) bubble.appendChild(el("div", "rich", m.body.fallback_text));
      for (const b of m.body.blocks) bubble.appendChild(renderBlock(b, m.id));
      if (m.body.kind === "content") {
        const r = el("button", "react", t("react"));
        r.title = t("react_title");
        r.addEventListener("click", () => send({ type: "reaction", message_id: m.id }));
        bubble.appendChild(r);
      }
    } else {
      bubble.appendChild(el("div", "rich", m.text));
    }
    row.appendChild(bubble);
    return row;
  }

  function listFor(conv) { return conv === "dm" ? state.dm : state.channel; }

  function redraw() {
    const box = $("messages");
    box.replaceChildren(...listFor(state.conv).map(renderMessage));
    box.scrollTop = box.scrollHeight;
    $("title").textContent = state.conv === "dm" ? t("dm_title") : "# advocacy";
    for (const c of ["dm", "advocacy"]) $("badge-" + c).textContent = state.unread[c] ? String(state.unread[c]) : "";
  }

  function upsert(list, m) {
    const i = list.findIndex((x) => x.id === m.id);
    if (i >= 0) list[i] = m; else list.push(m);
  }

  function onMessage(m) {
    const conv = m.conversation === "advocacy" ? "advocacy" : "dm";
    upsert(listFor(conv), m);
    if (conv === state.conv) {
      const box = $("messages");
      const existing = box.querySelector(`[data-id="${CSS.escape(m.id)}"]`);
      const node = renderMessage(m);
      if (existing) { existing.replaceWith(node); node.classList.add("flash"); }
      else { box.appendChild(node); box.scrollTop = box.scrollHeight; }
    } else if (!m.replaces) {
      state.unread[conv] += 1;
      redraw();
    }
  }

  function hello(user) {
    state.me = user;
    localStorage.setItem("advocacy-playground-user", user);
    const u = state.users.find((x) => x.id === user);
    document.documentElement.lang = u ? u.locale : "en";
    applyWords();
    $("who").textContent = u ? `${u.locale.toUpperCase()} · ${u.time_zone} · ${u.group}${u.admin ? " · admin" : ""}` : "";
    send({ type: "hello", user });
  }

  function connect() {
    const proto = location.protocol === "https:" ? "wss:" : "ws:";
    const ws = new WebSocket(`${proto}//${location.host}/playground/ws`);
    state.ws = ws;
    ws.onopen = () => { $("status").textContent = t("connected"); };
    ws.onclose = () => { $("status").textContent = t("retrying"); setTimeout(connect, 1000); };
    ws.onmessage = (ev) => {
      const f = JSON.parse(ev.data);
      if (f.type === "identities") {
        state.users = f.users;
        const sel = $("identity");
        sel.replaceChildren(...f.users.map((u) => { const o = el("option", null, u.name); o.value = u.id; return o; }));
        const saved = localStorage.getItem("advocacy-playground-user");
        const pick = f.users.some((u) => u.id === saved) ? saved : f.users[0].id;
        sel.value = pick;
        hello(pick);
      } else if (f.type === "history") {
        state.dm = f.dm; state.channel = f.channel; state.unread = { dm: 0, advocacy: 0 };
        redraw();
      } else if (f.type === "message") {
        onMessage(f.message);
      } else if (f.type === "error") {
        $("status").textContent = t("error") + f.error;
      }
    };
  }

  $("identity").addEventListener("change", (e) => hello(e.target.value));
  for (const b of document.querySelectorAll(".conv")) {
    b.addEventListener("click", () => {
      for (const x of document.querySelectorAll(".conv")) x.classList.toggle("active", x === b);
      state.conv = b.dataset.conv;
      state.unread[state.conv] = 0;
      redraw();
    });
  }
  $("composer").addEventListener("submit", (e) => {
    e.preventDefault();
    const text = $("input").value.trim();
    if (!text) return;
    send({ type: "text", conversation: state.conv, text });
    $("input").value = "";
  });
  connect();
})();
