import { ruleBasedInterpreter } from './initializers.js';
import { describeInterpreterScenarios } from './interpreter-scenarios.js';

/** The shared conversation scenarios with the built-in rule-based interpreter (no model). */
describeInterpreterScenarios(ruleBasedInterpreter);
