import { RoutingRule } from './routing-rule';

/** What a ticket offers the rules (from ticket.submitted, or typed into the explain form). */
export interface RoutingFacts {
  title: string;
  description: string;
  category: string;
  gridId: string | null;
  enterpriseId: string | null;
}

export type RuleOutcome = 'matched' | 'also-matched' | 'not-matched' | 'disabled';

export interface RuleEvaluation {
  ruleId: string;
  ruleVersion: number;
  name: string;
  priority: number;
  outcome: RuleOutcome;
  /** One line per condition: why it held, or why it did not. */
  reasons: string[];
}

export interface RuleMatch {
  rule: RoutingRule;
  /** The reasons of the winning rule, as one sentence for the ledger and the department. */
  explanation: string;
}

export interface RoutingResult {
  match: RuleMatch | null;
  /** Every rule in the order they were tried, so the desk sees why the others did not apply. */
  evaluations: RuleEvaluation[];
  explanation: string;
}

interface ConditionCheck {
  held: boolean;
  reason: string;
}

/**
 * Comparable text: NFKC folds full-width Latin and digits (ＡＢＣ１ → ABC1), lower-casing makes Latin
 * case-insensitive; Chinese has no case and is matched as a plain substring.
 */
const fold = (s: string): string => s.normalize('NFKC').toLowerCase();

const list = (values: string[]): string => `[${values.join(', ')}]`;

function snippet(text: string, at: number, length: number): string {
  const from = Math.max(0, at - 8);
  const to = Math.min(text.length, at + length + 8);
  return `${from > 0 ? '…' : ''}${text.slice(from, to)}${to < text.length ? '…' : ''}`;
}

function checkKeywords(keywords: string[], facts: RoutingFacts): ConditionCheck {
  const fields: [string, string][] = [
    ['title', facts.title],
    ['description', facts.description],
  ];
  for (const keyword of keywords) {
    const needle = fold(keyword);
    for (const [field, text] of fields) {
      // NFKC keeps the length of CJK text, and for the Latin it changes the snippet is only a hint.
      const at = fold(text).indexOf(needle);
      if (at >= 0) {
        return {
          held: true,
          reason: `keyword "${keyword}" found in ${field}: "${snippet(text, at, keyword.length)}"`,
        };
      }
    }
  }
  return {
    held: false,
    reason: `none of the keywords ${list(keywords)} appears in the title or description`,
  };
}

function checkOne(label: string, allowed: string[], value: string | null): ConditionCheck {
  if (value === null || value === '')
    return { held: false, reason: `the ticket has no ${label}; the rule needs one of ${list(allowed)}` };
  return allowed.includes(value)
    ? { held: true, reason: `${label} ${value} is one of ${list(allowed)}` }
    : { held: false, reason: `${label} ${value} is not one of ${list(allowed)}` };
}

function checkRule(rule: RoutingRule, facts: RoutingFacts): ConditionCheck[] {
  const c = rule.conditions;
  const checks: ConditionCheck[] = [];
  if (c.categories?.length) checks.push(checkOne('category', c.categories, facts.category));
  if (c.keywords?.length) checks.push(checkKeywords(c.keywords, facts));
  if (c.gridIds?.length) checks.push(checkOne('grid', c.gridIds, facts.gridId));
  if (c.enterpriseIds?.length) checks.push(checkOne('enterprise', c.enterpriseIds, facts.enterpriseId));
  return checks;
}

const describe = (rule: RoutingRule): string => `rule "${rule.name}" (v${rule.version})`;

/**
 * Routes by the committee's ordered rules: the first enabled rule whose every given condition
 * holds wins. Pure, so the explain endpoint and the consumer give the same answer for the same text.
 */
export class RuleEngine {
  route(facts: RoutingFacts, orderedRules: RoutingRule[]): RoutingResult {
    let match: RuleMatch | null = null;
    const evaluations = orderedRules.map((rule): RuleEvaluation => {
      const base = { ruleId: rule.id, ruleVersion: rule.version, name: rule.name, priority: rule.priority };
      if (!rule.enabled) return { ...base, outcome: 'disabled', reasons: ['the rule is disabled'] };
      const checks = checkRule(rule, facts);
      // A rule without conditions is refused on write; should one exist, it must not swallow every ticket.
      const held = checks.length > 0 && checks.every((c) => c.held);
      const reasons = checks.length ? checks.map((c) => c.reason) : ['the rule has no conditions'];
      if (!held) return { ...base, outcome: 'not-matched', reasons };
      if (match) return { ...base, outcome: 'also-matched', reasons };
      match = { rule, explanation: `${describe(rule)} matched: ${reasons.join('; ')}` };
      return { ...base, outcome: 'matched', reasons };
    });
    const found = match as RuleMatch | null;
    return {
      match: found,
      evaluations,
      explanation: found
        ? found.explanation
        : `no enabled rule matched (category ${facts.category || 'none'}); the ticket goes to the committee's triage queue`,
    };
  }
}
