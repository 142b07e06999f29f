extension HTMLReport {
    /// The page's only style sheet, inline: an A4 sheet on screen, the same sheet on paper (`@page`), in the serif
    /// face of Vietnamese administrative documents (Times New Roman, or its metric twin Liberation Serif on Linux).
    static let css = """
    @page{size:A4;margin:16mm 15mm 16mm 22mm}
    :root{--ink:#1b1b1b;--navy:#1f3f6e;--line:#c3c9d2;--muted:#596270;--head:#e9eef5;--good:#2e7d32;--warn:#b26a00;--bad:#b3261e}
    *{box-sizing:border-box}
    html{background:#e4e7eb}
    body{margin:0;font-family:"Times New Roman","Liberation Serif","DejaVu Serif",serif;font-size:13.5px;line-height:1.42;color:var(--ink);
    -webkit-print-color-adjust:exact;print-color-adjust:exact}
    .page{width:210mm;min-height:297mm;margin:14px auto;padding:15mm 15mm 16mm 22mm;background:#fff;box-shadow:0 1px 5px rgba(0,0,0,.2)}
    @media print{html{background:none}.page{width:auto;min-height:0;margin:0;padding:0;box-shadow:none}}
    .masthead{display:grid;grid-template-columns:42% 58%;text-align:center;line-height:1.35}
    .masthead .up{text-transform:uppercase;font-size:13px}
    .masthead .issuer,.masthead .nation{text-transform:uppercase;font-weight:bold;font-size:13px}
    .masthead .motto{font-weight:bold;font-size:14px}
    .masthead .rule{width:34%;margin:3px auto 4px;border-top:1px solid var(--ink)}
    .masthead .motto+.rule{width:52%}
    .masthead .code,.masthead .place{font-size:12.5px}
    .masthead .place{font-style:italic}
    .title{text-align:center;margin:20px 0 12px}
    .title .kind{font-size:17px;font-weight:bold;letter-spacing:.5px}
    .title .what{font-size:15px;font-weight:bold;margin-top:2px}
    .title .period{font-style:italic;margin-top:4px}
    .title .generated{font-size:12px;color:var(--muted)}
    h2{font-size:14px;line-height:1.7;text-transform:uppercase;color:var(--navy);border-bottom:1.5px solid var(--navy);padding:2px 0 0;margin:14px 0 7px;
    break-after:avoid;page-break-after:avoid}
    p{margin:4px 0}
    .note{font-size:11.5px;color:var(--muted);font-style:italic}
    section{break-inside:auto}
    .kpis{display:grid;grid-template-columns:repeat(3,1fr);gap:8px;margin:8px 0}
    .kpi{border:1px solid var(--line);border-top:3px solid var(--navy);padding:5px 10px 6px}
    .kpi .l{font-size:11px;text-transform:uppercase;letter-spacing:.3px;color:var(--muted)}
    .kpi .v{font-size:23px;font-weight:bold;line-height:1.2}
    .kpi .s{font-size:11.5px;color:var(--muted)}
    .kpi.good{border-top-color:var(--good)}.kpi.warn{border-top-color:var(--warn)}.kpi.bad{border-top-color:var(--bad)}
    table{width:100%;border-collapse:collapse;font-size:12.5px;margin:5px 0 4px;break-inside:auto}
    tr{break-inside:avoid;page-break-inside:avoid}
    th,td{border:1px solid var(--line);padding:2.5px 6px;vertical-align:middle}
    th{background:var(--head);font-weight:bold;text-align:center;font-size:12px}
    td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
    td.c{text-align:center}
    .nowrap{white-space:nowrap}
    tfoot td{font-weight:bold;border-top:1.5px solid var(--ink)}
    tbody tr:nth-child(even) td{background:#fafbfc}
    td.zero{color:#9aa1ab}
    .rate{white-space:nowrap}
    .meter{display:inline-block;width:42px;height:7px;background:#e6e8eb;vertical-align:middle;margin-right:5px}
    .meter>span{display:block;height:100%}
    .good .meter>span{background:var(--good)}.warn .meter>span{background:var(--warn)}.bad .meter>span{background:var(--bad)}
    .hbar{display:inline-block;height:8px;background:var(--navy);vertical-align:middle}
    .tag{font-size:11px;color:var(--bad);font-style:italic}
    .cols{display:grid;grid-template-columns:1fr 1fr;gap:14px}
    .days{width:100%;height:auto;display:block;margin:2px 0}
    .days .bar{fill:var(--navy)}.days .off{fill:#eceef1}.days .off-bar{fill:#8d99a9}
    .days .grid{stroke:#dfe3e8;stroke-width:1}.days .base{stroke:#444;stroke-width:1}
    .days text{font-family:"Times New Roman","Liberation Serif","DejaVu Serif",serif;font-size:10px;fill:#444}
    .days .value{font-size:9px;fill:#1b1b1b}.days .month{font-style:italic}
    .legend{font-size:11.5px;color:var(--muted)}
    .legend i{display:inline-block;width:10px;height:10px;margin:0 4px -1px 10px;border:1px solid #aab}
    .legend i.w{background:var(--navy)}.legend i.o{background:#eceef1}
    .sign{display:grid;grid-template-columns:1fr 1fr;text-align:center;margin-top:18px;break-inside:avoid;page-break-inside:avoid}
    .sign .role{font-weight:bold;text-transform:uppercase}
    .sign .hint{font-style:italic;font-size:12px}
    .sign .name{margin-top:58px;font-weight:bold}
    .foot{margin-top:16px;font-size:10.5px;color:var(--muted);border-top:1px solid var(--line);padding-top:5px}
    code{font-family:"DejaVu Sans Mono","Liberation Mono",monospace;font-size:10px;word-break:break-all}
    td code{font-size:9.5px;word-break:normal;white-space:nowrap}
    """
}
