import { DEFAULT_CATEGORIES } from '@ticketing/contracts';
import { RuleSnapshot } from './routing-rule';

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
  /** One line per condition: why it held, or why it did not (简体中文, as every reader of the zone sees it). */
  reasons: string[];
  /** The same lines in English, for the English interface. */
  reasonsEn: string[];
}

export interface RuleMatch {
  rule: RuleSnapshot;
  /** The reasons of the winning rule, as one sentence for the ledger, the ticket and the department. */
  explanation: string;
  explanationEn: string;
}

export interface RoutingResult {
  match: RuleMatch | null;
  /** Every rule in the order they were tried, so the desk sees why the others did not apply. */
  evaluations: RuleEvaluation[];
  /** 简体中文: what the routing decided and why; this is the text events, notifications and the ledger carry. */
  explanation: string;
  explanationEn: string;
}

/** A line said in both languages. */
interface Said {
  zh: string;
  en: string;
}

interface ConditionCheck {
  held: boolean;
  reason: Said;
}

/**
 * Comparable text: NFKC folds full-width Latin and digits (ＡＢＣ１ → ABC1), lower-casing makes Latin
 * case-insensitive; Chinese has no case and is matched as a plain substring.
 */
const fold = (s: string): string => s.normalize('NFKC').toLowerCase();

const list = (values: string[]): string => `[${values.join(', ')}]`;
const quoted = (values: string[]): string => values.map((v) => `「${v}」`).join('、');

/** A category by its Chinese name (the seeded catalogue); a code the catalogue does not know, as is. */
export const categoryZh = (code: string): string =>
  DEFAULT_CATEGORIES.find((c) => c.code === code)?.zh ?? code;

function snippet(text: string, at: number, length: number): string {
  const from = Math.max(0, at - 8);
  const to = Math.min(text.length, at + length + 8);
  return `${from > 0 ? '…' : ''}${text.slice(from, to)}${to < text.length ? '…' : ''}`;
}

function checkKeywords(keywords: string[], facts: RoutingFacts): ConditionCheck {
  const fields: [string, string, string][] = [
    ['title', '标题', facts.title],
    ['description', '描述', facts.description],
  ];
  for (const keyword of keywords) {
    const needle = fold(keyword);
    for (const [field, fieldZh, text] of fields) {
      // NFKC keeps the length of CJK text, and for the Latin it changes the snippet is only a hint.
      const at = fold(text).indexOf(needle);
      if (at >= 0) {
        const quote = snippet(text, at, keyword.length);
        return {
          held: true,
          reason: {
            zh: `${fieldZh}中含关键词「${keyword}」：“${quote}”`,
            en: `keyword "${keyword}" found in ${field}: "${quote}"`,
          },
        };
      }
    }
  }
  return {
    held: false,
    reason: {
      zh: `标题和描述中没有关键词${quoted(keywords)}`,
      en: `none of the keywords ${list(keywords)} appears in the title or description`,
    },
  };
}

function checkCategory(allowed: string[], value: string): ConditionCheck {
  const names = allowed.map(categoryZh);
  if (!value)
    return {
      held: false,
      reason: {
        zh: `诉求没有类别；规则要求${quoted(names)}之一`,
        en: `the ticket has no category; the rule needs one of ${list(allowed)}`,
      },
    };
  return allowed.includes(value)
    ? {
        held: true,
        reason: {
          zh: `类别「${categoryZh(value)}」符合`,
          en: `category ${value} is one of ${list(allowed)}`,
        },
      }
    : {
        held: false,
        reason: {
          zh: `类别「${categoryZh(value)}」不在${quoted(names)}之中`,
          en: `category ${value} is not one of ${list(allowed)}`,
        },
      };
}

/** Grids and enterprises are named by id in a rule: the Chinese line says whether it holds, not the ids. */
function checkMember(
  label: { zh: string; en: string },
  allowed: string[],
  value: string | null,
): ConditionCheck {
  if (value === null || value === '')
    return {
      held: false,
      reason: {
        zh: `诉求没有${label.zh}；规则只适用于所列的 ${allowed.length} 个${label.zh}`,
        en: `the ticket has no ${label.en}; the rule needs one of ${list(allowed)}`,
      },
    };
  return allowed.includes(value)
    ? {
        held: true,
        reason: {
          zh: `${label.zh}在规则所列的 ${allowed.length} 个${label.zh}之中`,
          en: `${label.en} ${value} is one of ${list(allowed)}`,
        },
      }
    : {
        held: false,
        reason: {
          zh: `${label.zh}不在规则所列的 ${allowed.length} 个${label.zh}之中`,
          en: `${label.en} ${value} is not one of ${list(allowed)}`,
        },
      };
}

function checkRule(rule: RuleSnapshot, facts: RoutingFacts): ConditionCheck[] {
  const c = rule.conditions;
  const checks: ConditionCheck[] = [];
  if (c.categories?.length) checks.push(checkCategory(c.categories, facts.category));
  if (c.keywords?.length) checks.push(checkKeywords(c.keywords, facts));
  if (c.gridIds?.length) checks.push(checkMember({ zh: '网格', en: 'grid' }, c.gridIds, facts.gridId));
  if (c.enterpriseIds?.length)
    checks.push(checkMember({ zh: '企业', en: 'enterprise' }, c.enterpriseIds, facts.enterpriseId));
  return checks;
}

const DISABLED: Said = { zh: '规则已停用', en: 'the rule is disabled' };
const NO_CONDITIONS: Said = { zh: '规则没有条件', en: 'the rule has no conditions' };

/** Why a ticket goes to the committee's desk when no rule applies (the ledger, the ticket and the desk read it). */
export const noRuleExplanation = (category: string): Said => ({
  zh: `${category ? `没有适用「${categoryZh(category)}」的规则` : '没有适用的分派规则'}，转综合党委人工分派`,
  en: `no enabled rule matched (category ${category || 'none'}); the ticket goes to the committee's triage queue`,
});

/** A rule matched but names a department that is no longer active. */
export const inactiveDepartmentExplanation = (match: RuleMatch): Said => ({
  zh: `${match.explanation}；但规则指定的部门已停用，转综合党委人工分派`,
  en: `${match.explanationEn}; but a department it names is no longer active, so the ticket goes to the committee's triage queue`,
});

/**
 * Routes by the committee's ordered rules: the first enabled rule whose every given condition
 * holds wins. Pure, so the explain endpoint and the consumer give the same answer for the same text.
 */
export class RuleEngine {
  route(facts: RoutingFacts, orderedRules: RuleSnapshot[]): RoutingResult {
    let match: RuleMatch | null = null;
    const evaluations = orderedRules.map((rule): RuleEvaluation => {
      const base = { ruleId: rule.id, ruleVersion: rule.version, name: rule.name, priority: rule.priority };
      if (!rule.enabled)
        return { ...base, outcome: 'disabled', reasons: [DISABLED.zh], reasonsEn: [DISABLED.en] };
      const checks = checkRule(rule, facts);
      // A rule without conditions is refused on write; should one exist, it must not swallow every ticket.
      const held = checks.length > 0 && checks.every((c) => c.held);
      const said = checks.length ? checks.map((c) => c.reason) : [NO_CONDITIONS];
      const reasons = said.map((r) => r.zh);
      const reasonsEn = said.map((r) => r.en);
      if (!held) return { ...base, outcome: 'not-matched', reasons, reasonsEn };
      if (match) return { ...base, outcome: 'also-matched', reasons, reasonsEn };
      match = {
        rule,
        explanation: `按分派规则「${rule.name}」（第${rule.version}版）分派：${reasons.join('；')}`,
        explanationEn: `rule "${rule.name}" (v${rule.version}) matched: ${reasonsEn.join('; ')}`,
      };
      return { ...base, outcome: 'matched', reasons, reasonsEn };
    });
    const found = match as RuleMatch | null;
    const none = noRuleExplanation(facts.category);
    return {
      match: found,
      evaluations,
      explanation: found ? found.explanation : none.zh,
      explanationEn: found ? found.explanationEn : none.en,
    };
  }
}
