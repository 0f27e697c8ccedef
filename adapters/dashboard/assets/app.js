// advocacy-bot admin dashboard: one shell for every /admin page; renders the page named by the path from
// GET /admin/api/summary (docs/dashboard.md). Built with DOM APIs and textContent only (titles and names are never
// parsed as HTML), no inline script or style: the page runs under a strict Content-Security-Policy.
"use strict";
(() => {
  const $ = (id) => document.getElementById(id);

  // The page's own words, in the browser's language (English or French).
  const WORDS = {
    en: {
      skip: "Skip to the figures", dashboard: "Dashboard", sign_out: "Sign out", sections: "Dashboard sections",
      overview: "Overview", campaigns: "Campaigns", content: "Top content", networks: "Networks", teams: "Teams",
      leaderboard: "Leaderboard", reach: "Reach", from: "From", to: "To", apply: "Apply", download: "Download CSV:",
      csv_shares: "Shares", csv_deliveries: "Deliveries", csv_interactions: "Interactions",
      footer: "Figures for your workspace only. Days are in the program's time zone.",
      loading: "Loading…", days: (n) => `${n} day${n === 1 ? "" : "s"}`, vs: "compared with",
      unauthorized: "Your session has ended. Type /advocacy dashboard in chat to get a new sign-in link.",
      failed: "The figures could not be loaded: ", bad_period: "Pick a start date on or before the end date.",
      advocates: "Active advocates", advocates_hint: (n) => `people who shared at least once, of ${n}`,
      shares: "Shares", shares_hint: "confirmed with “I shared it”",
      participation: "Participation", participation_hint: "active advocates ÷ audience",
      post_clicks: "Clicks on shared posts", post_clicks_hint: "people who opened a colleague's post",
      trend_new: "new", trend_same: "no change", vs_previous: "vs previous period", trend_title: (p) => `vs ${p}`,
      shares_per_day: "Shares per day", advocates_per_week: "Active advocates per week", day: "Day", week: "Week",
      table: "Show the numbers", none: "Nothing in this period yet.",
      funnel: "Campaign funnels", funnel_intro: "From the content message to clicks on the posts people shared.",
      delivered: "Delivered", why_asked: "Why asked", intent_clicks: "Link clicked", shared: "Shared",
      skipped: "Skipped", campaign: "Campaign", status: "Status",
      status_names: { draft: "draft", active: "active", paused: "paused", archived: "archived" },
      of_delivered: "of delivered",
      top_content: "Top content", title: "Title", network: "Network", per_network: "Per network",
      no_network: "Not recorded",
      team: "Team", members: "Members", no_team: "No team", per_team: "Participation per team",
      board: (w) => `Leaderboard, week ${w}`, rank: "Rank", name: "Name", points: "Points",
      more_tied: (n) => `…and ${n} more tied.`, board_empty: "Nobody has shared yet this week.",
      board_note: "People who opted out of the leaderboard are never named.",
      emv: "Earned media value", emv_hint: "clicks on shared posts × value per click",
      value_per_click: "Value per click", value_hint: "set in [dashboard] of the configuration",
      reach_per_network: "Clicks on shared posts per network",
      chart: (what) => `Bar chart: ${what}. The same numbers are in the table below.`,
    },
    fr: {
      skip: "Aller aux chiffres", dashboard: "Tableau de bord", sign_out: "Se déconnecter",
      sections: "Sections du tableau de bord", overview: "Vue d'ensemble", campaigns: "Campagnes",
      content: "Meilleurs contenus", networks: "Réseaux", teams: "Équipes", leaderboard: "Classement",
      reach: "Portée", from: "Du", to: "Au", apply: "Appliquer", download: "Télécharger en CSV :",
      csv_shares: "Partages", csv_deliveries: "Envois", csv_interactions: "Interactions",
      footer: "Chiffres de votre espace uniquement. Les jours suivent le fuseau horaire du programme.",
      loading: "Chargement…", days: (n) => `${n} jour${n > 1 ? "s" : ""}`, vs: "comparé au",
      unauthorized: "Votre session est terminée. Tapez /advocacy dashboard dans le chat pour recevoir un nouveau lien.",
      failed: "Impossible de charger les chiffres : ", bad_period: "Choisissez un début avant ou égal à la fin.",
      advocates: "Ambassadeurs actifs", advocates_hint: (n) => `personnes ayant partagé au moins une fois, sur ${n}`,
      shares: "Partages", shares_hint: "confirmés avec « Je l'ai partagé »",
      participation: "Participation", participation_hint: "ambassadeurs actifs ÷ audience",
      post_clicks: "Clics sur les posts partagés", post_clicks_hint: "personnes ayant ouvert le post d'un collègue",
      trend_new: "nouveau", trend_same: "stable", vs_previous: "vs période précédente", trend_title: (p) => `par rapport au ${p}`,
      shares_per_day: "Partages par jour", advocates_per_week: "Ambassadeurs actifs par semaine", day: "Jour",
      week: "Semaine", table: "Voir les chiffres", none: "Rien sur cette période pour l'instant.",
      funnel: "Entonnoirs des campagnes",
      funnel_intro: "Du message de contenu jusqu'aux clics sur les posts partagés.",
      delivered: "Envoyés", why_asked: "« Pourquoi ? »", intent_clicks: "Lien cliqué", shared: "Partagés",
      skipped: "Passés", campaign: "Campagne", status: "Statut",
      status_names: { draft: "brouillon", active: "active", paused: "en pause", archived: "archivée" },
      of_delivered: "des envois",
      top_content: "Meilleurs contenus", title: "Titre", network: "Réseau", per_network: "Par réseau",
      no_network: "Non précisé",
      team: "Équipe", members: "Membres", no_team: "Sans équipe", per_team: "Participation par équipe",
      board: (w) => `Classement, semaine ${w}`, rank: "Rang", name: "Nom", points: "Points",
      more_tied: (n) => `…et ${n} autre(s) à égalité.`, board_empty: "Personne n'a encore partagé cette semaine.",
      board_note: "Les personnes qui ont quitté le classement n'y sont jamais nommées.",
      emv: "Valeur média gagnée", emv_hint: "clics sur les posts partagés × valeur par clic",
      value_per_click: "Valeur par clic", value_hint: "réglée dans [dashboard] de la configuration",
      reach_per_network: "Clics sur les posts partagés par réseau",
      chart: (what) => `Graphique en barres : ${what}. Les mêmes chiffres sont dans le tableau ci-dessous.`,
    },
  };
  const lang = /^fr\b/i.test(navigator.language || "") ? "fr" : "en";
  document.documentElement.lang = lang;
  const W = WORDS[lang];

  const PAGES = {
    "": { key: "overview", render: overview },
    campaigns: { key: "campaigns", render: campaigns },
    content: { key: "content", render: topContent },
    networks: { key: "networks", render: networks },
    teams: { key: "teams", render: teams },
    leaderboard: { key: "leaderboard", render: leaderboard },
    reach: { key: "reach", render: reach },
  };
  const NETWORK_NAMES = { linkedin: "LinkedIn", x: "X", facebook: "Facebook", bluesky: "Bluesky", mastodon: "Mastodon",
                          xing: "XING", threads: "Threads", instagram: "Instagram" };
  const COLORS = ["#2f6fdb", "#1a9c6b", "#e0892b", "#8a4fd3", "#d64562"];

  // --- Formatting.
  const nf = new Intl.NumberFormat(lang);
  const pf = new Intl.NumberFormat(lang, { style: "percent", maximumFractionDigits: 1 });
  const num = (n) => nf.format(n);
  const pct = (x) => pf.format(x);
  const money = (x, currency) => {
    try {
      return new Intl.NumberFormat(lang, { style: "currency", currency }).format(x);
    } catch {  // not an ISO 4217 code: the amount and the code as configured
      return `${new Intl.NumberFormat(lang, { maximumFractionDigits: 2 }).format(x)} ${currency}`;
    }
  };
  const utcDay = (iso) => new Date(`${iso}T00:00:00Z`);
  const dayFmt = new Intl.DateTimeFormat(lang, { month: "short", day: "numeric", timeZone: "UTC" });
  const longFmt = new Intl.DateTimeFormat(lang, { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });
  const shortDay = (iso) => dayFmt.format(utcDay(iso));
  const range = (p) => (longFmt.formatRange ? longFmt.formatRange(utcDay(p.from), utcDay(p.to))
                                            : `${longFmt.format(utcDay(p.from))} – ${longFmt.format(utcDay(p.to))}`);
  const networkName = (n) => (n === "" ? W.no_network : NETWORK_NAMES[n] ?? n);
  const teamName = (t) => (t === "" ? W.no_team : t);

  // --- DOM helpers.
  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k === "class") e.className = v;
      else if (k === "text") e.textContent = v;
      else if (k.startsWith("data-") || k.startsWith("aria-") || k === "role" || k === "scope" || k === "href"
               || k === "id" || k === "title" || k === "tabindex" || k === "rel" || k === "target") e.setAttribute(k, v);
      else e[k] = v;
    }
    for (const c of children.flat()) if (c !== null && c !== undefined) e.append(c);
    return e;
  }
  const section = (title, ...children) => el("section", { class: "panel" }, el("h2", { text: title }), ...children);

  // A figure card: the value, what it is, and its trend against the previous period.
  function card(figure, label, value, hint, current, previous, previousPeriod) {
    return el("div", { class: "card", "data-card": figure },
      el("div", { class: "card-label", text: label }),
      el("div", { class: "card-value", "data-figure": figure, text: value }),
      current === undefined ? null : trend(figure, current, previous, previousPeriod),
      el("div", { class: "card-hint", text: hint }));
  }
  function trend(figure, current, previous, previousPeriod) {
    let text, cls;
    if (previous === 0) {
      [text, cls] = current > 0 ? [`▲ ${W.trend_new}`, "up"] : [`= ${W.trend_same}`, "flat"];
    } else {
      const change = (current - previous) / previous;
      const shown = pf.format(Math.abs(change));
      if (shown === pf.format(0)) [text, cls] = [`= ${W.trend_same}`, "flat"];
      else [text, cls] = change > 0 ? [`▲ ${shown}`, "up"] : [`▼ ${shown}`, "down"];
    }
    return el("div", { class: `trend ${cls}`, "data-figure": `${figure}-trend`, title: W.trend_title(range(previousPeriod)),
                       text: `${text} ${W.vs_previous}` });
  }

  // An accessible table: caption, column headers, a row header per row; `cells` pick each row's figures.
  // columns: [{ label, figure, value(row) -> text, numeric }]; the first column is the row header.
  function table(caption, columns, rows, key) {
    const head = el("tr", null, columns.map((c) => el("th", { scope: "col", class: c.numeric ? "num" : null, text: c.label })));
    const body = rows.map((r) => el("tr", { "data-key": String(key(r)) },
      columns.map((c, i) => el(i === 0 ? "th" : "td",
        { scope: i === 0 ? "row" : null, class: c.numeric ? "num" : null, "data-figure": c.figure },
        c.node ? c.node(r) : c.value(r)))));
    return el("div", { class: "table-wrap" },
      el("table", { "data-table": key.name || caption }, el("caption", { text: caption }), el("thead", null, head),
        el("tbody", null, body)));
  }

  // A bar chart with uPlot: one label per bar, one or two series (side by side). `id` names it for the test.
  const charts = [];
  function barChart(id, title, labels, series) {
    const host = el("div", { class: "chart", role: "img", "aria-label": W.chart(title), "data-chart": id });
    queueMicrotask(() => {
      if (typeof uPlot === "undefined") return;  // the table still has every number
      const width = Math.max(280, host.clientWidth || 600);
      const xs = labels.map((_, i) => i);
      const max = Math.max(1, ...series.flatMap((s) => s.values));
      const n = series.length;
      const opts = {
        width, height: 240,
        legend: { show: n > 1, live: false },
        cursor: { drag: { x: false, y: false }, points: { show: false } },
        scales: { x: { time: false, range: () => [-0.5, labels.length - 0.5] },
                  y: { range: () => [0, Math.ceil(max * 1.15)] } },
        axes: [
          { stroke: "#5b6470", grid: { show: false }, ticks: { show: false }, incrs: [1, 2, 3, 4, 5, 7, 10, 14, 20, 30],
            values: (u, splits) => splits.map((v) => (Number.isInteger(v) && labels[v] !== undefined ? labels[v] : "")) },
          { stroke: "#5b6470", grid: { stroke: "#e6e9ee" }, ticks: { show: false }, incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000],
            values: (u, splits) => splits.map((v) => (Number.isInteger(v) ? num(v) : "")), size: 48 },
        ],
        series: [{}, ...series.map((s, i) => ({
          label: s.label, stroke: s.color || COLORS[i], fill: `${s.color || COLORS[i]}d9`, width: 0,
          points: { show: false },
          paths: uPlot.paths.bars({ size: [n > 1 ? 0.4 : 0.7, 48], align: n > 1 ? (i === 0 ? -1 : 1) : 0 }),
        }))],
      };
      const plot = new uPlot(opts, [xs, ...series.map((s) => s.values)], host);
      charts.push({ plot, host });
    });
    return host;
  }
  new ResizeObserver(() => {
    for (const { plot, host } of charts) {
      if (host.isConnected && host.clientWidth && Math.abs(host.clientWidth - plot.width) > 4) {
        plot.setSize({ width: host.clientWidth, height: plot.height });
      }
    }
  }).observe(document.body);

  // Horizontal CSS bars (funnels, teams): widths are set through the CSSOM, which the CSP allows.
  function hbar(fraction, cls) {
    const fill = el("span", { class: `hbar-fill ${cls || ""}` });
    fill.style.width = `${Math.max(0, Math.min(1, fraction)) * 100}%`;
    return el("span", { class: "hbar", "aria-hidden": "true" }, fill);
  }

  const empty = () => el("p", { class: "empty", "data-empty": "true", text: W.none });

  // --- Pages.
  function overview(s) {
    const t = s.totals, p = s.previous_totals, pp = s.previous_period;
    const cards = el("div", { class: "cards" },
      card("advocates", W.advocates, num(t.advocates), W.advocates_hint(num(t.audience)), t.advocates, p.advocates, pp),
      card("shares", W.shares, num(t.shares), W.shares_hint, t.shares, p.shares, pp),
      card("participation", W.participation, pct(t.participation), W.participation_hint, t.participation,
           p.participation, pp),
      card("post-clicks", W.post_clicks, num(t.post_clicks), W.post_clicks_hint, t.post_clicks, p.post_clicks, pp));
    const days = s.shares_per_day;
    const daily = section(W.shares_per_day,
      barChart("shares-per-day", W.shares_per_day, days.map((d) => shortDay(d.day)),
               [{ label: W.shares, values: days.map((d) => d.shares) }]),
      el("details", { class: "numbers" }, el("summary", { text: W.table }),
        table(W.shares_per_day, [
          { label: W.day, value: (d) => longFmt.format(utcDay(d.day)) },
          { label: W.shares, figure: "shares", value: (d) => num(d.shares), numeric: true },
        ], days, function day(d) { return d.day; })));
    const weeks = s.weekly_advocates;
    const weekly = section(W.advocates_per_week,
      barChart("advocates-per-week", W.advocates_per_week, weeks.map((w) => w.week),
               [{ label: W.advocates, values: weeks.map((w) => w.advocates) },
                { label: W.shares, values: weeks.map((w) => w.shares), color: COLORS[1] }]),
      table(W.advocates_per_week, [
        { label: W.week, value: (w) => w.week },
        { label: W.advocates, figure: "advocates", value: (w) => num(w.advocates), numeric: true },
        { label: W.shares, figure: "shares", value: (w) => num(w.shares), numeric: true },
      ], weeks, function week(w) { return w.week; }));
    return [cards, el("div", { class: "grid2" }, daily, weekly)];
  }

  const STEPS = ["delivered", "why_asked", "intent_clicks", "shared", "post_clicks"];
  const stepLabel = (k) => (k === "post_clicks" ? W.post_clicks : W[k]);
  function campaigns(s) {
    const list = s.campaigns;
    if (list.length === 0) return [section(W.funnel, empty())];
    // The chat steps against the campaign's largest one; post clicks (many per share) against the busiest campaign.
    const mostClicks = Math.max(1, ...list.map((c) => c.post_clicks));
    const funnels = el("div", { class: "funnels" }, list.map((c) => {
      const top = Math.max(1, ...STEPS.slice(0, 4).map((k) => c[k]));
      return el("article", { class: "funnel", "data-campaign": String(c.id), "aria-label": c.name },
        el("h3", null, c.name, " ", el("span", { class: `status ${c.status}`, text: W.status_names[c.status] || c.status })),
        el("ol", { class: "steps", "aria-hidden": "true" }, STEPS.map((k, i) => el("li", { class: "step" },
          el("span", { class: "step-label", text: stepLabel(k) }),
          hbar(c[k] / (k === "post_clicks" ? mostClicks : top), `c${i}`),
          el("span", { class: "step-value", text: num(c[k]) }),
          el("span", { class: "step-rate", text: i > 0 && k !== "post_clicks" && c.delivered > 0 ? pct(c[k] / c.delivered) : "" })))));
    }));
    return [section(W.funnel, el("p", { class: "intro", text: W.funnel_intro }), funnels,
      table(W.funnel, [
        { label: W.campaign, value: (c) => c.name },
        { label: W.status, figure: "status", value: (c) => W.status_names[c.status] || c.status },
        ...STEPS.map((k) => ({ label: stepLabel(k), figure: k.replace("_", "-"), value: (c) => num(c[k]), numeric: true })),
        { label: W.skipped, figure: "skipped", value: (c) => num(c.skipped), numeric: true },
        { label: W.advocates, figure: "advocates", value: (c) => num(c.advocates), numeric: true },
      ], list, function campaign(c) { return c.id; }))];
  }

  function topContent(s) {
    const rows = s.top_content;
    if (rows.length === 0) return [section(W.top_content, empty())];
    const most = Math.max(1, ...rows.map((r) => r.shares));
    return [section(W.top_content, table(W.top_content, [
      { label: W.title, node: (r) => el("a", { href: r.url, rel: "noopener noreferrer", target: "_blank", text: r.title }) },
      { label: W.campaign, figure: "campaign", value: (r) => r.campaign },
      { label: W.delivered, figure: "delivered", value: (r) => num(r.delivered), numeric: true },
      { label: W.shares, figure: "shares", node: (r) => el("span", { class: "with-bar" }, hbar(r.shares / most), num(r.shares)),
        numeric: true },
      { label: W.post_clicks, figure: "post-clicks", value: (r) => num(r.post_clicks), numeric: true },
    ], rows, function content(r) { return r.id; }))];
  }

  function networks(s) {
    const rows = s.networks;
    if (rows.length === 0) return [section(W.per_network, empty())];
    return [section(W.per_network,
      barChart("networks", W.per_network, rows.map((r) => networkName(r.network)),
               [{ label: W.shares, values: rows.map((r) => r.shares) },
                { label: W.intent_clicks, values: rows.map((r) => r.intent_clicks), color: COLORS[2] }]),
      table(W.per_network, [
        { label: W.network, value: (r) => networkName(r.network) },
        { label: W.shares, figure: "shares", value: (r) => num(r.shares), numeric: true },
        { label: W.intent_clicks, figure: "intent-clicks", value: (r) => num(r.intent_clicks), numeric: true },
        { label: W.post_clicks, figure: "post-clicks", value: (r) => num(r.post_clicks), numeric: true },
      ], rows, function network(r) { return r.network; }))];
  }

  function teams(s) {
    const rows = s.teams;
    if (rows.length === 0) return [section(W.per_team, empty())];
    return [section(W.per_team,
      el("ul", { class: "team-bars", "aria-hidden": "true" }, rows.map((r) => el("li", null,
        el("span", { class: "team-name", text: teamName(r.team) }), hbar(r.participation, "c1"),
        el("span", { class: "team-rate", text: pct(r.participation) })))),
      table(W.per_team, [
        { label: W.team, value: (r) => teamName(r.team) },
        { label: W.members, figure: "members", value: (r) => num(r.members), numeric: true },
        { label: W.advocates, figure: "advocates", value: (r) => num(r.advocates), numeric: true },
        { label: W.shares, figure: "shares", value: (r) => num(r.shares), numeric: true },
        { label: W.participation, figure: "participation", value: (r) => pct(r.participation), numeric: true },
      ], rows, function team(r) { return r.team; }))];
  }

  function leaderboard(s) {
    const b = s.leaderboard;
    const title = W.board(b.week);
    if (b.rows.length === 0) return [section(title, el("p", { class: "empty", "data-empty": "true", text: W.board_empty }))];
    return [section(title,
      table(title, [
        { label: W.rank, figure: "rank", value: (r) => String(r.rank), numeric: true },
        { label: W.name, figure: "name", value: (r) => r.name },
        { label: W.team, figure: "team", value: (r) => teamName(r.team) },
        { label: W.points, figure: "points", value: (r) => num(r.points), numeric: true },
        { label: W.shares, figure: "shares", value: (r) => num(r.shares), numeric: true },
      ], b.rows, function player(r) { return r.name; }),
      b.more_tied > 0 ? el("p", { class: "note", "data-figure": "more-tied", text: W.more_tied(b.more_tied) }) : null,
      el("p", { class: "note", text: W.board_note }))];
  }

  function reach(s) {
    const r = s.reach;
    const cards = el("div", { class: "cards" },
      card("post-clicks", W.post_clicks, num(r.post_clicks), W.post_clicks_hint),
      card("value-per-click", W.value_per_click, money(r.value_per_click, r.currency), W.value_hint),
      card("emv", W.emv, money(r.earned_media_value, r.currency), W.emv_hint));
    const rows = s.networks.filter((n) => n.post_clicks > 0);
    const per = rows.length === 0 ? section(W.reach_per_network, empty()) : section(W.reach_per_network,
      barChart("reach", W.reach_per_network, rows.map((n) => networkName(n.network)),
               [{ label: W.post_clicks, values: rows.map((n) => n.post_clicks), color: COLORS[3] }]),
      table(W.reach_per_network, [
        { label: W.network, value: (n) => networkName(n.network) },
        { label: W.post_clicks, figure: "post-clicks", value: (n) => num(n.post_clicks), numeric: true },
        { label: W.emv, figure: "emv", value: (n) => money(n.post_clicks * r.value_per_click, r.currency), numeric: true },
      ], rows, function network(n) { return n.network; }));
    return [cards, per];
  }

  // --- The shell: words, nav, period picker, downloads, then the page.
  const path = location.pathname.replace(/^\/admin\/?/, "").replace(/\/+$/, "");
  const page = PAGES[path] || PAGES[""];
  for (const e of document.querySelectorAll("[data-i18n]")) e.textContent = W[e.dataset.i18n];
  for (const e of document.querySelectorAll("[data-i18n-label]")) e.setAttribute("aria-label", W[e.dataset.i18nLabel]);
  for (const a of document.querySelectorAll("#tabs a")) {
    if (a.dataset.page === page.key) a.setAttribute("aria-current", "page");
  }
  document.title = `${W[page.key]} · advocacy-bot`;

  const view = $("view");
  function show(...nodes) {
    charts.length = 0;
    view.replaceChildren(...nodes);
    view.setAttribute("aria-busy", "false");
  }
  function message(text, cls) {
    show(el("p", { class: `message ${cls}`, role: "alert", "data-testid": "message", text }));
  }

  // The period lives in the query string, so the nav links and a reload keep it.
  function setPeriod(from, to) {
    const q = from && to ? `?from=${from}&to=${to}` : "";
    history.replaceState(null, "", location.pathname + q);
    for (const a of document.querySelectorAll("#tabs a")) a.search = q;
    for (const a of document.querySelectorAll(".downloads a")) {
      a.search = `?kind=${a.dataset.kind}${from && to ? `&from=${from}&to=${to}` : ""}`;
      a.setAttribute("download", from && to ? `advocacy-${a.dataset.kind}-${from}-${to}.csv` : "");
    }
  }

  async function load(from, to) {
    view.setAttribute("aria-busy", "true");
    view.dataset.state = "loading";
    const q = from && to ? `?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}` : "";
    let res;
    try {
      res = await fetch(`/admin/api/summary${q}`, { headers: { Accept: "application/json" }, credentials: "same-origin",
                                                     cache: "no-store" });
    } catch (e) {
      message(W.failed + e.message, "error");
      view.dataset.state = "error";
      return;
    }
    if (res.status === 401) {
      message(W.unauthorized, "error");
      view.dataset.state = "unauthorized";
      return;
    }
    const body = await res.json().catch(() => ({ error: `HTTP ${res.status}` }));
    if (!res.ok) {
      message(W.failed + (body.error || `HTTP ${res.status}`), "error");
      view.dataset.state = "error";
      return;
    }
    const s = body;
    $("from").value = s.period.from;
    $("to").value = s.period.to;
    setPeriod(s.period.from, s.period.to);
    $("period-note").textContent = `${W.days(s.period.days)} · ${W.vs} ${range(s.previous_period)}`;
    $("workspace").textContent = `${s.workspace.platform} · ${s.workspace.id}`;
    $("tz").textContent = s.period.time_zone;
    show(...page.render(s));
    view.dataset.state = "ready";
    view.dataset.from = s.period.from;
    view.dataset.to = s.period.to;
  }

  $("period").addEventListener("submit", (ev) => {
    ev.preventDefault();
    const from = $("from").value, to = $("to").value;
    if (!from || !to || from > to) {
      message(W.bad_period, "error");
      return;
    }
    load(from, to);
  });

  const q = new URLSearchParams(location.search);
  load(q.get("from"), q.get("to"));
})();
