/**
 * Thrown when the environment cannot run the service. Its message is written for the operator:
 * one line per problem, each naming the variable, so start-up can print it without a stack trace.
 */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'ConfigError';
  }
}
