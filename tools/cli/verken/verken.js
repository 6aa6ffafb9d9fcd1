// swvsim verken: the page's behaviour (served by the program itself as /verken.js; no other script,
// no network beyond this server). Moving a control asks the server to recompute page 1 with the
// changed keys (POST /api/pagina) and replaces it in place; the last answer stays until a newer one
// arrives, an answer to an older request is dropped, and "berekenen…" shows while one is on its way.
// "Bewaar als variant" writes the same changes as a variant file (POST /api/variant).
'use strict';

const verken = (() => {
  // Dutch numbers as the reports write them (sim/common/format_nl.cpp num_nl): 1.234.567,5 and "-".
  function getal(x, decimalen) {
    const r = Math.round(Math.abs(x) * 10 ** decimalen) / 10 ** decimalen;
    const [heel, deel] = r.toFixed(decimalen).split('.');
    const gegroepeerd = heel.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
    return (x < 0 && r !== 0 ? '-' : '') + gegroepeerd + (decimalen > 0 ? ',' + deel : '');
  }
  function toon(x, eenheid, decimalen) {
    if (eenheid === 'euro') return '€ ' + getal(x, 0);
    if (eenheid === 'factor') return '× ' + getal(x, 2);
    return getal(100 * x, decimalen) + '%';
  }
  // 12 significant digits: 0.25 + 0.05 is written 0.3, not 0.30000000000000004.
  const rond = (x) => parseFloat(x.toPrecision(12));

  // A number or a per-year table ({"2026": 0.5, ...}) with `f` applied to each number.
  function elk(x, f) {
    if (typeof x === 'number') return rond(f(x));
    const uit = {};
    for (const [k, v] of Object.entries(x)) uit[k] = rond(f(v));
    return uit;
  }
  const kleinste = (x) => (typeof x === 'number' ? x : Math.min(...Object.values(x)));

  // The value to write for a control at `niveau`, given what the base writes (`basis`, null when
  // nothing) at level `basisNiveau`: a plain number becomes the level; a per-year table moves every
  // year by the same amount; a distribution keeps its spread: its gemiddelde moves to the level, or
  // min, modus and max move together (their mean moves by the same amount) — unless that would take
  // min below `laagste` (0 for chances): then they are scaled, which keeps the mean at the level.
  function waardeVoor(basis, basisNiveau, niveau, laagste) {
    if (basis === null || typeof basis !== 'object') return rond(niveau);
    const d = niveau - basisNiveau;
    if (!('verdeling' in basis)) return elk(basis, (v) => v + d);
    const v = { ...basis };
    if ('gemiddelde' in v) {
      v.gemiddelde = elk(v.gemiddelde, (x) => x + d);
      return v;
    }
    const delen = ['min', 'modus', 'max'].filter((k) => k in v);
    const verschoven = delen.map((k) => elk(v[k], (x) => x + d));
    const teLaag = laagste !== null && verschoven.some((x) => kleinste(x) < laagste);
    if (teLaag && basisNiveau > 0) {
      const f = niveau / basisNiveau;
      for (const k of delen) v[k] = elk(v[k], (x) => x * f);
    } else {
      delen.forEach((k, i) => { v[k] = verschoven[i]; });
    }
    return v;
  }

  const knoppen = () => Array.from(document.querySelectorAll('.knop'));
  function niveau(knop) { return parseFloat(knop.querySelector('input[type=range]').value); }
  function basisNiveau(knop) { return parseFloat(knop.dataset.basis); }
  function gewijzigd(knop) {
    const stap = parseFloat(knop.querySelector('input[type=range]').step);
    return Math.abs(niveau(knop) - basisNiveau(knop)) > stap / 1000;
  }
  // {sleutel: waarde} of the controls that differ from the base.
  function wijzigingen() {
    const w = {};
    for (const knop of knoppen()) {
      if (!gewijzigd(knop)) continue;
      const laagste = knop.dataset.laagste === undefined ? null : parseFloat(knop.dataset.laagste);
      w[knop.dataset.sleutel] = waardeVoor(JSON.parse(knop.dataset.basiswaarde), basisNiveau(knop), niveau(knop), laagste);
    }
    return w;
  }

  function toonKnop(knop) {
    const uit = knop.querySelector('output');
    uit.textContent = toon(niveau(knop), knop.dataset.eenheid, parseInt(knop.dataset.decimalen, 10));
    knop.classList.toggle('anders', gewijzigd(knop));
  }

  function zetStatus(staat, tekst) {
    const s = document.getElementById('status');
    s.dataset.staat = staat;
    s.textContent = tekst;
    document.body.classList.toggle('bezig', staat === 'bezig');
  }
  function toonFout(fout) {
    const f = document.getElementById('fout');
    if (!fout) {
      f.hidden = true;
      f.textContent = '';
      return;
    }
    f.hidden = false;
    f.textContent = '';
    const p = document.createElement('p');
    p.textContent = fout.fout || 'onbekende fout';
    f.appendChild(p);
    if (Array.isArray(fout.meldingen) && fout.meldingen.length) {
      const ul = document.createElement('ul');
      for (const m of fout.meldingen) {
        const li = document.createElement('li');
        li.textContent = m;
        ul.appendChild(li);
      }
      f.appendChild(ul);
    }
  }

  async function post(pad, lichaam) {
    const antwoord = await fetch(pad, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(lichaam),
    });
    let data = null;
    try { data = await antwoord.json(); } catch (e) { data = { fout: 'onleesbaar antwoord van de server (' + antwoord.status + ')' }; }
    return { status: antwoord.status, data };
  }

  let volgnummer = 0;  // of the newest request; older answers are dropped
  let getoond = 0;     // of the answer on the page
  async function bereken() {
    const nr = ++volgnummer;
    zetStatus('bezig', 'berekenen…');
    let r;
    try {
      r = await post('/api/pagina', { wijzigingen: wijzigingen() });
    } catch (e) {
      if (nr === volgnummer) { zetStatus('fout', 'geen verbinding met swvsim'); toonFout({ fout: 'De server antwoordt niet: draait swvsim verken nog?' }); }
      return;
    }
    if (r.status === 409 && r.data && r.data.vervangen) return;  // a newer request took its place
    if (nr !== volgnummer || nr < getoond) return;
    if (r.status !== 200) {
      zetStatus('fout', 'niet berekend: zie de melding');
      toonFout(r.data);
      return;
    }
    getoond = nr;
    document.getElementById('pagina-inhoud').innerHTML = r.data.pagina;
    document.getElementById('grafiek').innerHTML = r.data.grafiek;
    toonFout(null);
    zetStatus('klaar', 'klaar (' + getal(r.data.seconden, 2) + ' s)');
  }

  let wachten = null;
  function straks() {
    clearTimeout(wachten);
    wachten = setTimeout(bereken, 150);
  }

  async function bewaar() {
    const naam = document.getElementById('naam').value;
    const overschrijf = document.getElementById('overschrijf').checked;
    const melding = document.getElementById('bewaard');
    melding.textContent = 'bewaren…';
    melding.dataset.staat = 'bezig';
    let r;
    try {
      r = await post('/api/variant', { naam, wijzigingen: wijzigingen(), overschrijf });
    } catch (e) {
      melding.textContent = 'De server antwoordt niet: draait swvsim verken nog?';
      melding.dataset.staat = 'fout';
      return;
    }
    if (r.status === 200) {
      melding.textContent = 'Bewaard als ' + r.data.bestand + '. Doorrekenen: ' + r.data.opdracht;
      melding.dataset.staat = 'klaar';
      melding.dataset.bestand = r.data.bestand;
    } else {
      melding.textContent = r.data.fout + (r.data.meldingen ? ' ' + r.data.meldingen.join(' ') : '');
      melding.dataset.staat = 'fout';
    }
  }

  function start() {
    for (const knop of knoppen()) {
      const schuif = knop.querySelector('input[type=range]');
      schuif.addEventListener('input', () => { toonKnop(knop); straks(); });
      knop.querySelector('button.terug').addEventListener('click', () => {
        schuif.value = knop.dataset.basis;
        toonKnop(knop);
        straks();
      });
      toonKnop(knop);
    }
    document.getElementById('alles-terug').addEventListener('click', () => {
      for (const knop of knoppen()) {
        knop.querySelector('input[type=range]').value = knop.dataset.basis;
        toonKnop(knop);
      }
      straks();
    });
    document.getElementById('bewaar').addEventListener('click', bewaar);
    zetStatus('klaar', 'klaar');
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
  return { waardeVoor, toon, wijzigingen };
})();
