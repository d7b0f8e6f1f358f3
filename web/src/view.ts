// Small DOM helpers shared by the sections: a section frame, a figure with its definition, the "unavailable" notice
// and a data table (the charts' figures for screen readers and for copying).
import { definitions, type DefinitionKey } from "./definitions.js";
import { escapeHtml } from "./format.js";

export function section(id: string, title: string, definition?: DefinitionKey): HTMLElement {
  const element = document.createElement("section");
  element.id = id;
  element.className = "card";
  element.setAttribute("aria-labelledby", `${id}-title`);
  element.setAttribute("aria-busy", "true");
  const described = definition ? ` title="${escapeHtml(definitions[definition])}" aria-describedby="def-${definition}"` : "";
  element.innerHTML = `<h2 id="${id}-title"${described}>${escapeHtml(title)}</h2>${definition ? definitionNote(definition) : ""}<div class="body"><p class="loading" role="status">正在加载…</p></div>`;
  return element;
}

export function body(element: HTMLElement): HTMLElement {
  return element.querySelector<HTMLElement>(".body")!;
}

export function done(element: HTMLElement): void {
  element.setAttribute("aria-busy", "false");
}

function definitionNote(key: DefinitionKey): string {
  return `<span class="visually-hidden" id="def-${key}">${escapeHtml(definitions[key])}</span>`;
}

/**
 * One figure against its target: value, target and completion, its definition on hover and for screen readers (the
 * hidden note sits in the <dd>: a <div> in a <dl> may hold only <dt>/<dd> groups).
 */
export function figure(key: DefinitionKey, label: string, actual: string, target?: string, percent?: string, ratio?: number): string {
  const bar = ratio === undefined ? "" :
    `<div class="meter" role="meter" aria-label="${escapeHtml(label)}完成率" aria-valuemin="0" aria-valuemax="100" aria-valuenow="${Math.min(100, Math.round(ratio))}"><span style="width:${Math.min(100, Math.max(0, ratio))}%"></span></div>`;
  return `<div class="figure" data-figure="${key}">
  <dt title="${escapeHtml(definitions[key])}" aria-describedby="def-${key}" tabindex="0">${escapeHtml(label)}</dt>
  <dd><span class="actual">${escapeHtml(actual)}</span>${target === undefined ? "" : ` <span class="of">/ 目标 <span class="target">${escapeHtml(target)}</span></span>`}${percent === undefined ? "" : ` <span class="percent">${escapeHtml(percent)}</span>`}${bar}${definitionNote(key)}</dd>
</div>`;
}

/** What a section shows when its service did not answer: which service, and the error for whoever reports it. */
export function unavailable(element: HTMLElement, service: string, detail: string): void {
  element.classList.add("unavailable");
  body(element).innerHTML = `<p class="notice" role="alert" data-unavailable="${escapeHtml(service)}"><strong>暂不可用</strong>：${escapeHtml(service)}未响应。<br><small>${escapeHtml(detail)}</small></p>`;
  done(element);
}

export function table(caption: string, headers: string[], rows: string[][], className = ""): string {
  const head = headers.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join("");
  const lines = rows.map((row) => `<tr>${row.map((cell, i) => i === 0 ? `<th scope="row">${escapeHtml(cell)}</th>` : `<td>${escapeHtml(cell)}</td>`).join("")}</tr>`).join("");
  return `<div class="table-wrap" tabindex="0" role="region" aria-label="${escapeHtml(caption)}"><table class="${className}"><caption>${escapeHtml(caption)}</caption><thead><tr>${head}</tr></thead><tbody>${lines}</tbody></table></div>`;
}

export function chartBox(label: string): HTMLElement {
  const box = document.createElement("div");
  box.className = "chart";
  box.setAttribute("role", "img");
  box.setAttribute("aria-label", label);
  return box;
}
