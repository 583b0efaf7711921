import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RoutingResult } from '../../domain/rule-engine';

class RuleEvaluationDto {
  @ApiProperty() ruleId!: string;
  @ApiProperty() ruleVersion!: number;
  @ApiProperty() name!: string;
  @ApiProperty() priority!: number;
  @ApiProperty({ enum: ['matched', 'also-matched', 'not-matched', 'disabled'] }) outcome!: string;
  @ApiProperty({ type: [String], description: 'one line per condition: why it held or did not' })
  reasons!: string[];
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
  @ApiProperty() explanation!: string;
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
      considered: r.evaluations,
    };
  }
}
