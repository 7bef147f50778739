#!/usr/bin/env node
// nlp.js (node-nlp v4) baseline for the intent catalogue.
//
// Trains an NlpManager on kb/intents/*.intent (format: kb/intents/README.md)
// and evaluates it on tests/data/questions.tsv. See README.md in this folder.
'use strict';

const fs = require('fs');
const path = require('path');
const { NlpManager } = require('node-nlp');

const REPO = path.resolve(__dirname, '..', '..');
const LANGS = ['en', 'it', 'es', 'fr', 'de'];
const THRESHOLD = 0.5; // nlp.js default (settings.nlp.threshold)
const SMALLTALK = new Set(['greeting', 'thanks', 'goodbye']);

function usage() {
  return [
    'usage: node baseline.js [--intents DIR] [--questions FILE] [--json] [--errors]',
    '  --intents DIR     catalogue folder with *.intent files (default: kb/intents)',
    '  --questions FILE  labelled set (default: tests/data/questions.tsv)',
    '  --json            print a JSON summary instead of the tables',
    '  --errors          also list every wrong answer (tables mode)',
  ].join('\n');
}

function parseArgs(argv) {
  const opts = {
    intents: path.join(REPO, 'kb', 'intents'),
    questions: path.join(REPO, 'tests', 'data', 'questions.tsv'),
    json: false,
    errors: false,
  };
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i];
    if (a === '--json') opts.json = true;
    else if (a === '--errors') opts.errors = true;
    else if (a === '--intents' || a === '--questions') {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value\n${usage()}`);
      opts[a.slice(2)] = path.resolve(argv[(i += 1)]);
    } else if (a === '-h' || a === '--help') {
      console.log(usage());
      process.exit(0);
    } else throw new Error(`unknown argument ${a}\n${usage()}`);
  }
  return opts;
}

// ---------------------------------------------------------------- catalogue

// Parses one .intent file; returns {id, kind, phrases: {lang: [..]}}.
function parseIntentFile(file) {
  const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const out = { id: null, kind: 'task', phrases: {}, file };
  let lang = null;
  text.split(/\r?\n/).forEach((raw, idx) => {
    const line = raw.trim();
    const where = `${path.basename(file)}:${idx + 1}`;
    if (!line || line.startsWith('#')) return;
    const block = line.match(/^\[([a-z]{2})\]$/);
    if (block) {
      lang = block[1];
      if (!LANGS.includes(lang)) console.error(`warning: ${where}: unknown language block [${lang}]`);
      return;
    }
    const kv = line.match(/^([a-z_]+):\s*(.*)$/);
    if (!kv) {
      console.error(`warning: ${where}: not a "key: value" line, ignored`);
      return;
    }
    const [, key, value] = kv;
    if (lang === null) {
      if (key === 'intent') out.id = value.trim();
      else if (key === 'kind') out.kind = value.trim();
    } else if (key === 'phrase' && value.trim()) {
      (out.phrases[lang] = out.phrases[lang] || []).push(value.trim());
    }
  });
  if (!out.id) throw new Error(`${file}: no "intent:" header`);
  return out;
}

function loadCatalogue(dir) {
  if (!fs.existsSync(dir)) throw new Error(`no catalogue folder ${dir}`);
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.intent')).sort();
  if (files.length === 0) {
    throw new Error(`no *.intent files in ${dir} (try --intents ${path.join(__dirname, 'fixture')})`);
  }
  return files.map((f) => parseIntentFile(path.join(dir, f)));
}

// ---------------------------------------------------------------- questions

function loadQuestions(file) {
  const lines = fs.readFileSync(file, 'utf8').split(/\r?\n/);
  const header = lines.shift().split('\t');
  const want = ['lang', 'kind', 'expected', 'question'];
  if (want.some((c, i) => header[i] !== c)) throw new Error(`${file}: header must be ${want.join('\\t')}`);
  const rows = [];
  lines.forEach((l, i) => {
    if (!l.trim()) return;
    const cols = l.split('\t');
    if (cols.length < 4) throw new Error(`${file}:${i + 2}: expected 4 tab-separated columns`);
    rows.push({ lang: cols[0], kind: cols[1], expected: cols[2], question: cols.slice(3).join('\t') });
  });
  return rows;
}

// ---------------------------------------------------------------- metrics

// Lowercase, strip accents and punctuation: used to spot test questions that
// are (near-)verbatim training phrases.
function normalise(t) {
  return t.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ').trim();
}

function pct(n, d) {
  return d === 0 ? null : (100 * n) / d;
}

function group(rows, key) {
  const g = {};
  rows.forEach((r) => {
    const k = r[key];
    g[k] = g[k] || { n: 0, correct: 0, fallback: 0 };
    g[k].n += 1;
    if (r.correct) g[k].correct += 1;
    if (r.predicted === 'fallback') g[k].fallback += 1;
  });
  Object.values(g).forEach((v) => { v.accuracy = pct(v.correct, v.n); });
  return g;
}

function evaluate(results, catalogueIds) {
  const isIntent = (e) => e !== 'fallback' && e !== 'clarify';
  const inScope = results.filter((r) => isIntent(r.expected));
  const task = inScope.filter((r) => !SMALLTALK.has(r.expected));
  const oos = results.filter((r) => r.expected === 'fallback');
  const amb = results.filter((r) => r.expected === 'clarify');
  const count = (rs, f) => rs.filter(f).length;
  const confusions = {};
  results.filter((r) => !r.correct).forEach((r) => {
    const k = `${r.expected} -> ${r.predicted}`;
    confusions[k] = (confusions[k] || 0) + 1;
  });
  const missing = [...new Set(inScope.map((r) => r.expected))].filter((e) => !catalogueIds.has(e)).sort();
  return {
    rows: results.length,
    accuracy: pct(count(results, (r) => r.correct), results.length),
    by_lang: group(results, 'lang'),
    by_kind: group(results, 'kind'),
    in_scope: { n: inScope.length, accuracy: pct(count(inScope, (r) => r.correct), inScope.length) },
    in_scope_task_only: { n: task.length, accuracy: pct(count(task, (r) => r.correct), task.length) },
    oos_rejection_rate: pct(count(oos, (r) => r.predicted === 'fallback'), oos.length),
    false_rejection_rate: pct(count(inScope, (r) => r.predicted === 'fallback'), inScope.length),
    clarify_rate_on_ambiguous: pct(count(amb, (r) => r.predicted === 'clarify'), amb.length),
    ambiguous_answered_fallback: pct(count(amb, (r) => r.predicted === 'fallback'), amb.length),
    language_guess_accuracy: pct(count(results, (r) => r.locale === r.lang), results.length),
    top_confusions: Object.entries(confusions).sort((a, b) => b[1] - a[1]).slice(0, 15)
      .map(([pair, n]) => ({ pair, n })),
    expected_intents_missing_from_catalogue: missing,
  };
}

// The headline figures again, on the rows that are not a training phrase.
function evaluateUnseen(results) {
  const rows = results.filter((r) => !r.in_training);
  const inScope = rows.filter((r) => r.expected !== 'fallback' && r.expected !== 'clarify');
  const oos = rows.filter((r) => r.expected === 'fallback');
  const count = (rs, f) => rs.filter(f).length;
  return {
    rows_seen_in_training: results.length - rows.length,
    rows: rows.length,
    accuracy: pct(count(rows, (r) => r.correct), rows.length),
    in_scope: { n: inScope.length, accuracy: pct(count(inScope, (r) => r.correct), inScope.length) },
    oos_rejection_rate: pct(count(oos, (r) => r.predicted === 'fallback'), oos.length),
    false_rejection_rate: pct(count(inScope, (r) => r.predicted === 'fallback'), inScope.length),
  };
}

// ---------------------------------------------------------------- output

function fmt(v) {
  return v === null || v === undefined ? '   n/a' : `${v.toFixed(1).padStart(5)}%`;
}

function table(title, g, order) {
  const keys = order.filter((k) => g[k]).concat(Object.keys(g).filter((k) => !order.includes(k)).sort());
  const lines = [`${title.padEnd(12)}     n  accuracy  fallback`];
  keys.forEach((k) => {
    const v = g[k];
    lines.push(`${k.padEnd(12)} ${String(v.n).padStart(5)}    ${fmt(v.accuracy)}    ${fmt(pct(v.fallback, v.n))}`);
  });
  return lines.join('\n');
}

function printReport(s, opts, results) {
  const out = [];
  out.push(`nlp.js baseline (node-nlp ${s.node_nlp_version}, threshold ${s.threshold}, language guessed by nlp.js)`);
  out.push(`catalogue: ${s.catalogue.dir}`);
  out.push(`  ${s.catalogue.files} files, ${s.catalogue.intents} intents trained (+ None from ${s.catalogue.out_of_scope_files} out_of_scope file(s)), ` +
    `${s.catalogue.phrases} phrases; skipped kinds: ${JSON.stringify(s.catalogue.skipped_kinds)}`);
  out.push(`  phrases per language: ${JSON.stringify(s.catalogue.phrases_by_lang)}; training ${s.train_seconds.toFixed(1)} s`);
  out.push(`questions: ${s.questions_file} (${s.metrics.rows} rows)`);
  out.push('');
  out.push(table('language', s.metrics.by_lang, LANGS));
  out.push('');
  out.push(table('kind', s.metrics.by_kind, ['plain', 'typo', 'keywords', 'mixed', 'long', 'oos', 'ambiguous', 'smalltalk']));
  out.push('');
  const m = s.metrics;
  out.push(`overall accuracy (all rows)          ${fmt(m.accuracy)}`);
  out.push(`in-scope accuracy (${String(m.in_scope.n).padStart(3)} rows)        ${fmt(m.in_scope.accuracy)}`);
  out.push(`  task intents only (${String(m.in_scope_task_only.n).padStart(3)} rows)      ${fmt(m.in_scope_task_only.accuracy)}`);
  out.push(`out-of-scope rejection rate          ${fmt(m.oos_rejection_rate)}`);
  out.push(`false rejection rate (in-scope)      ${fmt(m.false_rejection_rate)}`);
  out.push(`clarify rate on ambiguous            ${fmt(m.clarify_rate_on_ambiguous)}  (nlp.js never clarifies; ${fmt(m.ambiguous_answered_fallback).trim()} of them got fallback)`);
  out.push(`language guess accuracy              ${fmt(m.language_guess_accuracy)}`);
  const u = s.metrics_unseen;
  out.push(`rows that are verbatim training phrases (normalised): ${u.rows_seen_in_training}; on the other ${u.rows}:`);
  out.push(`  accuracy ${fmt(u.accuracy).trim()}, in-scope accuracy ${fmt(u.in_scope.accuracy).trim()} (${u.in_scope.n} rows), ` +
    `oos rejection ${fmt(u.oos_rejection_rate).trim()}, false rejection ${fmt(u.false_rejection_rate).trim()}`);
  out.push(`throughput                           ${s.throughput_qps.toFixed(0)} questions/s (${s.metrics.rows} questions in ${s.eval_seconds.toFixed(3)} s, one process, after training)`);
  if (m.expected_intents_missing_from_catalogue.length) {
    out.push(`note: expected intents with no catalogue file: ${m.expected_intents_missing_from_catalogue.join(', ')}`);
  }
  out.push('');
  out.push('top confusions (expected -> predicted):');
  m.top_confusions.forEach((c) => out.push(`  ${String(c.n).padStart(3)}  ${c.pair}`));
  if (opts.errors) {
    out.push('');
    out.push('errors:');
    results.filter((r) => !r.correct).forEach((r) => {
      out.push(`  [${r.lang}/${r.kind}]${r.in_training ? ' (in training)' : ''} ${r.expected} -> ${r.predicted} (${r.score.toFixed(2)}, ${r.locale})  ${r.question}`);
    });
  }
  console.log(out.join('\n'));
}

// ---------------------------------------------------------------- main

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const catalogue = loadCatalogue(opts.intents);
  const questions = loadQuestions(opts.questions);

  const manager = new NlpManager({
    languages: LANGS,
    forceNER: false,
    nlu: { log: false },
    autoSave: false, // do not write model.nlp into the working directory
    autoLoad: false,
  });

  const trained = new Set();
  const trainingPhrases = new Set();
  const skipped = {};
  const byLang = {};
  let phrases = 0;
  let oosFiles = 0;
  catalogue.forEach((it) => {
    let label;
    if (it.kind === 'task' || it.kind === 'smalltalk') label = it.id;
    else if (it.kind === 'out_of_scope') { label = 'None'; oosFiles += 1; }
    else { skipped[it.kind] = (skipped[it.kind] || 0) + 1; return; }
    Object.entries(it.phrases).forEach(([lang, list]) => {
      if (!LANGS.includes(lang)) return;
      list.forEach((p) => {
        manager.addDocument(lang, p, label);
        trainingPhrases.add(normalise(p));
        phrases += 1;
        byLang[lang] = (byLang[lang] || 0) + 1;
      });
    });
    if (label !== 'None') trained.add(it.id);
  });

  let t0 = process.hrtime.bigint();
  await manager.train();
  const trainSeconds = Number(process.hrtime.bigint() - t0) / 1e9;

  const results = [];
  t0 = process.hrtime.bigint();
  for (const q of questions) {
    // no locale: nlp.js guesses the language itself
    const r = await manager.process(q.question);
    results.push({ ...q, raw_intent: r.intent, score: r.score, locale: r.locale });
  }
  const evalSeconds = Number(process.hrtime.bigint() - t0) / 1e9;

  results.forEach((r) => {
    r.predicted = !r.raw_intent || r.raw_intent === 'None' || r.score < THRESHOLD ? 'fallback' : r.raw_intent;
    r.correct = r.predicted === r.expected; // 'clarify' is never predicted
    r.in_training = trainingPhrases.has(normalise(r.question));
  });

  const summary = {
    node_nlp_version: require('node-nlp/package.json').version,
    threshold: THRESHOLD,
    catalogue: {
      dir: path.relative(REPO, opts.intents) || '.',
      files: catalogue.length,
      intents: trained.size,
      out_of_scope_files: oosFiles,
      phrases,
      phrases_by_lang: byLang,
      skipped_kinds: skipped,
    },
    questions_file: path.relative(REPO, opts.questions),
    train_seconds: trainSeconds,
    eval_seconds: evalSeconds,
    throughput_qps: questions.length / evalSeconds,
    metrics: evaluate(results, trained),
    metrics_unseen: evaluateUnseen(results),
  };

  if (opts.json) console.log(JSON.stringify(summary, null, 2));
  else printReport(summary, opts, results);
}

main().catch((e) => {
  console.error(`error: ${e.message}`);
  process.exit(1);
});
