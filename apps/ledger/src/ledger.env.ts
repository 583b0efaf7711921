import { BaseEnv, loadConfig } from '@ticketing/config';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsNumber, IsOptional, IsString, Max, MaxLength, Min, ValidateBy } from 'class-validator';
import {
  DEFAULT_EVALUATION_WEIGHTS,
  DEFAULT_INSTRUCTOR_WEIGHTS,
  EvaluationWeights,
  InstructorWeights,
  parseEvaluationWeights,
  parseInstructorWeights,
} from './figures/domain/weights';

// Reads the raw string: implicit conversion would already have turned 'false' into true.
const toBool = ({ obj, key }: { obj: Record<string, unknown>; key: string }) => {
  const value = obj[key];
  return typeof value === 'string' ? ['1', 'true', 'yes', 'on'].includes(value.toLowerCase()) : value;
};
const WEIGHT_MESSAGE =
  'LEDGER_SATISFACTION_WEIGHT must be a number between 0 and 1 (the weight of 基本满意, e.g. 0.9)';

type Parsed = { ok: true } | { ok: false; problem: string };
/** A weights setting, checked by its parser; the message names the variable and what is wrong. */
const Weights = (name: string, parse: (text: string) => Parsed, example: string) =>
  ValidateBy({
    name: 'weights',
    validator: {
      validate: (v: unknown) => typeof v === 'string' && parse(v).ok,
      defaultMessage: (args) => {
        const r = typeof args?.value === 'string' ? parse(args.value) : null;
        return `${name} must be name:weight pairs such as ${example}${r && !r.ok ? `: ${r.problem}` : ''}`;
      },
    },
  });

/** The ledger service's environment: the shared variables plus its own. */
export class LedgerEnv extends BaseEnv {
  /** How much a 基本满意 (basically satisfied) counts in the satisfaction rate; 满意 counts 1. */
  @Type(() => Number)
  @IsNumber({}, { message: WEIGHT_MESSAGE })
  @Min(0, { message: WEIGHT_MESSAGE })
  @Max(1, { message: WEIGHT_MESSAGE })
  LEDGER_SATISFACTION_WEIGHT: number = 0.9;

  /** Seal the chain once a day (Asia/Shanghai); off only for tests that seal on demand. */
  @Transform(toBool)
  @IsBoolean({ message: 'LEDGER_DAILY_SEAL must be true or false' })
  LEDGER_DAILY_SEAL: boolean = true;

  /** 量化积分: points for the plan done, each problem collected, each solved, satisfaction, each activity. */
  @Weights('LEDGER_INSTRUCTOR_WEIGHTS', parseInstructorWeights, DEFAULT_INSTRUCTOR_WEIGHTS)
  LEDGER_INSTRUCTOR_WEIGHTS: string = DEFAULT_INSTRUCTOR_WEIGHTS;

  /** 年考评: each rate's weight in the departments' yearly evaluation (negative: subtracted). */
  @Weights('LEDGER_EVALUATION_WEIGHTS', parseEvaluationWeights, DEFAULT_EVALUATION_WEIGHTS)
  LEDGER_EVALUATION_WEIGHTS: string = DEFAULT_EVALUATION_WEIGHTS;

  /**
   * The CJK font the PDF reports are set in: a .ttf/.otf file, or a .ttc collection followed by
   * `#` and the face's PostScript name. Unset: the first of the system fonts listed in
   * exports/infrastructure/pdf-font.ts that exists (WenQuanYi Micro Hei, then Noto Sans CJK SC …).
   */
  @IsOptional()
  @IsString({ message: 'LEDGER_PDF_FONT must be a font file path' })
  @MaxLength(4096, { message: 'LEDGER_PDF_FONT must be at most 4096 characters' })
  LEDGER_PDF_FONT?: string;
}

export interface LedgerSettings {
  satisfactionWeight: number;
  dailySeal: boolean;
  instructorWeights: InstructorWeights;
  evaluationWeights: EvaluationWeights;
  pdfFont: string | null;
}

export const LEDGER_SETTINGS = Symbol('LEDGER_SETTINGS');

const KEYS = [
  'LEDGER_SATISFACTION_WEIGHT',
  'LEDGER_DAILY_SEAL',
  'LEDGER_INSTRUCTOR_WEIGHTS',
  'LEDGER_EVALUATION_WEIGHTS',
  'LEDGER_PDF_FONT',
] as const;

const weightsOf = <T>(r: { ok: true; weights: T } | { ok: false; problem: string }): T => {
  if (!r.ok) throw new Error(r.problem); // checked by LedgerEnv already
  return r.weights;
};

/**
 * Run by its own main.ts the shell read LedgerEnv already; composed into another process
 * (standalone) the shell kept our variables untouched on its config, and LedgerEnv checks them here.
 */
export function ledgerSettingsFrom(app: BaseEnv): LedgerSettings {
  let env: LedgerEnv;
  if (app instanceof LedgerEnv) env = app;
  else {
    const given: NodeJS.ProcessEnv = {};
    for (const k of KEYS) {
      const value: unknown = Reflect.get(app, k);
      if (value !== undefined && value !== null) given[k] = String(value);
    }
    env = loadConfig(LedgerEnv, given);
  }
  return {
    satisfactionWeight: env.LEDGER_SATISFACTION_WEIGHT,
    dailySeal: env.LEDGER_DAILY_SEAL,
    instructorWeights: weightsOf(parseInstructorWeights(env.LEDGER_INSTRUCTOR_WEIGHTS)),
    evaluationWeights: weightsOf(parseEvaluationWeights(env.LEDGER_EVALUATION_WEIGHTS)),
    pdfFont: env.LEDGER_PDF_FONT ?? null,
  };
}
