import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RoutingResult } from '../../domain/rule-engine';

class RuleEvaluationDto {
  @ApiProperty() ruleId!: string;
  @ApiProperty() ruleVersion!: number;
  @ApiProperty() name!: string;
  @ApiProperty() priority!: number;
  @ApiProperty({ enum: ['matched', 'also-matched', 'not-matched', 'disabled'] }) outcome!: string;
  @ApiProperty({
    type: [String],
    description: 'one line per condition, in Chinese: why it held or did not',
    example: ['类别「交通物流」符合', '标题中含关键词「冷链」：“冷链仓储用地”'],
  })
  reasons!: string[];
  @ApiProperty({ type: [String], description: 'the same lines in English' })
  reasonsEn!: string[];
}

class ExplainedDecisionDto {
  @ApiProperty() ruleId!: string;
  @ApiProperty() ruleVersion!: number;
  @ApiProperty() name!: string;
  @ApiProperty() leadDepartmentId!: string;
  @ApiProperty({ type: [String] }) coHandlerDepartmentIds!: string[];
}

export class ExplainRoutingResponseDto {
  @ApiProperty({ enum: ['rule', 'triage'] }) outcome!: 'rule' | 'triage';
  @ApiPropertyOptional({ type: ExplainedDecisionDto, nullable: true }) decision!: ExplainedDecisionDto | null;
  @ApiProperty({
    description:
      'what the rules decide and why, in Chinese: the text the decision carries to the ticket and the ledger',
    example: '没有适用「其他」的规则，转综合党委人工分派',
  })
  explanation!: string;
  @ApiProperty({ description: 'the same in English' }) explanationEn!: string;
  @ApiProperty({ type: [RuleEvaluationDto], description: 'every rule in the order it was tried' })
  considered!: RuleEvaluationDto[];

  static from(r: RoutingResult): ExplainRoutingResponseDto {
    const m = r.match;
    return {
      outcome: m ? 'rule' : 'triage',
      decision: m
        ? {
            ruleId: m.rule.id,
            ruleVersion: m.rule.version,
            name: m.rule.name,
            leadDepartmentId: m.rule.decision.leadDepartmentId,
            coHandlerDepartmentIds: m.rule.decision.coHandlerDepartmentIds,
          }
        : null,
      explanation: r.explanation,
      explanationEn: r.explanationEn,
      considered: r.evaluations,
    };
  }
}
