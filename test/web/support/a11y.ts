/**
 * Accessibility checks for the browser suites: axe-core injected into the page, and the contrast of
 * one element computed from the colours the browser actually paints.
 */
import { readFileSync } from 'node:fs';
import { Locator, Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/**
 * Runs axe-core (WCAG 2.x A and AA, best practices, and the label-in-name check) on what the page
 * shows now, and fails listing every serious or critical violation with the elements at fault.
 * A page must also have exactly one h1.
 */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  // Evaluated through the DevTools protocol, which the app's Content-Security-Policy (script-src
  // 'self') does not block, unlike an inline script tag.
  // What is still fading in or out (a toast's entrance, a drawer's slide) is painted half-transparent
  // and its contrast measured low: let finite CSS animations and transitions end first (at most 3 s;
  // an endless one, a spinner, does not hold the check up).
  const settleBy = Date.now() + 3000;
  while (
    Date.now() < settleBy &&
    (await page.evaluate(
      `document.getAnimations().some((a) => a.playState === 'running' && a.effect?.getComputedTiming().endTime !== Infinity)`,
    ))
  )
    await new Promise((r) => setTimeout(r, 50));
  if (!(await page.evaluate('typeof window.axe !== "undefined"'))) await page.evaluate(`${AXE_SOURCE};true`);
  const violations = (await page.evaluate(`window.axe
    .run(document, {
      resultTypes: ['violations'],
      rules: { 'label-content-name-mismatch': { enabled: true } },
    })
    .then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) })))`)) as AxeViolation[];
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const headings = await page.locator('h1').count();
  const report = bad.map(
    (v) =>
      `${v.impact} ${v.id}: ${v.help}\n` +
      v.nodes
        .slice(0, 8)
        .map(
          (n) => `    ${n.target.join(' ')}  ${(n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 240)}`,
        )
        .join('\n'),
  );
  if (headings !== 1) report.push(`the page has ${headings} h1 elements, not one`);
  if (report.length) throw new Error(`${where} (${page.url()}):\n${report.join('\n')}`);
}

/** The contrast ratio of an element's text against the background painted behind it (WCAG formula). */
/** The page's own functions, for the code that runs in it (this project's server tsconfig has no DOM types). */
interface PaintedElement {
  parentElement: PaintedElement | null;
}
declare const getComputedStyle: (el: PaintedElement) => { color: string; backgroundColor: string };

export async function contrastOf(
  element: Locator,
): Promise<{ color: string; background: string; ratio: number }> {
  return element.evaluate((el: PaintedElement) => {
    const parse = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
    const lum = ([r, g, b]: number[]) => {
      const f = (v: number) => {
        const x = v / 255;
        return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const color = getComputedStyle(el).color;
    let node: PaintedElement | null = el;
    let background = 'rgb(255, 255, 255)';
    while (node) {
      const bg = getComputedStyle(node).backgroundColor;
      const parts = parse(bg);
      if (parts.length >= 3 && (parts.length < 4 || parts[3] > 0)) {
        background = bg;
        break;
      }
      node = node.parentElement;
    }
    const a = lum(parse(color));
    const b = lum(parse(background));
    return { color, background, ratio: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05) };
  });
}
