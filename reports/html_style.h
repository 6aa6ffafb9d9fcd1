#pragma once
// The report's stylesheet, inlined into every HTML report (screen and A4 print: the bestuurssamenvatting
// is page 1, tables break with repeated headers; html_report.cpp adds the page footer with date,
// version, scenario hash and page numbers in @page margin boxes).
namespace swv {

inline constexpr const char* kReportCss = R"CSS(
:root { --ink: #1d2733; --muted: #5b6675; --line: #d8dee6; --green: #1e7b34; --orange: #b86200; --red: #b3141b;
        --band90: #c9dcf2; --band50: #8fb5e3; --median: #1f4e8c; }
* { box-sizing: border-box; }
body { font: 14px/1.45 "Segoe UI", "DejaVu Sans", Arial, sans-serif; color: var(--ink); margin: 0 auto; max-width: 1100px; padding: 24px; }
h1 { font-size: 24px; margin: 0 0 4px; } h2 { font-size: 19px; border-bottom: 2px solid var(--ink); padding-bottom: 4px; margin-top: 32px; }
h3 { font-size: 15px; margin-top: 20px; }
.sub, .desc, .note, footer { color: var(--muted); } .note { font-size: 12.5px; }
ul.headline { font-size: 15.5px; padding-left: 20px; } ul.headline li { margin: 6px 0; }
table { border-collapse: collapse; width: 100%; margin: 8px 0; font-variant-numeric: tabular-nums; }
th, td { border-bottom: 1px solid var(--line); padding: 4px 6px; text-align: right; vertical-align: top; }
th:first-child, td.label { text-align: left; }
td.num { white-space: nowrap; }
tr.group td { font-weight: 600; background: #f1f4f8; text-align: left; }
tr.sub td { color: var(--muted); font-size: 12.5px; border-bottom-style: dotted; }
tr.sub td.label { padding-left: 18px; }
tr.subgroup td { font-style: italic; color: var(--muted); text-align: left; padding-left: 12px; }
tr.total td { font-weight: 600; } tr.strong td { border-top: 2px solid var(--ink); }
td.light { white-space: nowrap; font-weight: 600; }
td.light .dot { display: inline-block; width: 11px; height: 11px; border-radius: 50%; margin-right: 6px; vertical-align: -1px; }
td.light .word { font-weight: 400; font-size: 12px; color: var(--muted); }
td.groen .dot { background: var(--green); } td.oranje .dot { background: var(--orange); } td.rood .dot { background: var(--red); }
td.rood { color: var(--red); background: #fbe9ea; } table.nar { width: auto; } table.nar td, table.nar th { text-align: left; } td.oranje { color: var(--orange); }
.years p { margin: 6px 0; }
.small { font-size: 11.5px; color: var(--muted); } .tag { font-size: 11px; background: #eef1f5; padding: 0 4px; border-radius: 3px; }
.hash { font-size: 11px; color: var(--muted); word-break: break-all; }
ul.warnings li { color: var(--orange); }
dl dt { font-weight: 600; margin-top: 8px; } dl dd { margin: 2px 0 0 0; }
svg.chart { width: 100%; max-width: 760px; height: auto; display: block; margin: 10px 0; }
svg.chart.wide { max-width: none; }
.zone { fill: #fdf0dc; } .zone-label { font-size: 11px; fill: #8a4a00; text-anchor: end; font-style: italic; }
.chart circle.dot { fill: var(--median); }
.ref-label { font-size: 10px; text-anchor: end; paint-order: stroke; stroke: #fff; stroke-width: 3px; }
.small-multiples { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: 8px; }
.ctitle { font-size: 13px; font-weight: 600; fill: var(--ink); } .legend { font-size: 11px; fill: var(--muted); }
.ylab { font-size: 10.5px; fill: var(--muted); text-anchor: end; } .xlab { font-size: 10.5px; fill: var(--muted); text-anchor: middle; }
.grid { stroke: #e6eaf0; stroke-width: 1; }
.band90 { fill: var(--band90); stroke: none; } .band50 { fill: var(--band50); stroke: none; }
.median { fill: none; stroke: var(--median); stroke-width: 2.2; } rect.median.key { fill: var(--median); }
.ref { fill: none; stroke-width: 1.8; stroke-dasharray: 6 4; }
.ref.signal { stroke: var(--orange); } .ref.floor { stroke: var(--red); }
rect.key.signal { fill: var(--orange); } rect.key.floor { fill: var(--red); }
.ref.target { stroke: var(--green); } rect.key.target { fill: var(--green); }
.bar { fill: var(--band50); } .bar.neg { fill: #e8a0a3; } .whisker { stroke: var(--ink); stroke-width: 1.2; }
#bestuurssamenvatting p { margin: 6px 0; }
#bestuurssamenvatting div.verdict { font-size: 14px; border-left: 4px solid var(--median); padding: 4px 10px; background: #f1f4f8; margin: 6px 0; }
div.verdict ul { margin: 2px 0; padding-left: 18px; } div.verdict li { margin: 2px 0; }
table.board td, table.board th { padding: 2px 6px; } table.board tr.group td { padding: 2px 6px; }
table.board tr.sub td { font-size: inherit; font-style: italic; } table.board.many { font-size: 12px; }
dl.glossary { font-size: 11px; color: var(--muted); margin: 10px 0 0; display: grid; grid-template-columns: max-content 1fr; gap: 1px 10px; }
dl.glossary dt { font-weight: 600; margin: 0; } dl.glossary dd { margin: 0; }
footer { margin-top: 32px; font-size: 12px; border-top: 1px solid var(--line); padding-top: 8px; }
@media print {
  @page { size: A4 portrait; margin: 14mm 12mm 16mm; }
  body { max-width: none; padding: 0; font-size: 10.5px; }
  h1 { font-size: 19px; } h2 { font-size: 15px; margin-top: 18px; } h3 { font-size: 12px; margin-top: 10px; }
  h2, h3 { break-after: avoid; page-break-after: avoid; } section { break-inside: auto; }
  table { break-inside: auto; } thead { display: table-header-group; } tfoot { display: table-footer-group; }
  tr, svg.chart, .small-multiples > svg { break-inside: avoid; page-break-inside: avoid; }
  #bestuurssamenvatting { break-after: page; page-break-after: always; }
  #bestuurssamenvatting { line-height: 1.32; } #bestuurssamenvatting h2 { margin-top: 6px; margin-bottom: 6px; }
  #bestuurssamenvatting p { margin: 4px 0; } #bestuurssamenvatting div.verdict { font-size: 10px; padding: 2px 8px; }
  div.verdict li { margin: 1px 0; } #bestuurssamenvatting p.kaderbrief { font-size: 10px; }
  table.board { font-size: 9.5px; margin: 4px 0; } table.board.many { font-size: 8px; } table.board td, table.board th { padding: 0.5px 4px; }
  table.board tr.group td { padding: 1px 4px; } #bestuurssamenvatting .note { font-size: 8.5px; } dl.glossary { margin-top: 4px; }
  tr.sub td { font-size: 9.5px; padding-top: 1px; padding-bottom: 1px; line-height: 1.3; }
  ul.headline { font-size: 11.5px; } .note { font-size: 9px; } dl.glossary { font-size: 8.5px; }
  td.rood { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .dot, .band90, .band50 { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
)CSS";

}  // namespace swv
