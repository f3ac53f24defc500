import { Module } from '@nestjs/common';
import { Interpreter } from './interpreter.js';
import { RuleBasedInterpreter } from './rule-based/rule-based-interpreter.js';

/** The interpreter behind its token: rule-based without an API key (the OpenAI one is chosen here when configured). */
@Module({
  providers: [RuleBasedInterpreter, { provide: Interpreter, useExisting: RuleBasedInterpreter }],
  exports: [Interpreter],
})
export class InterpreterModule {}
