import { openAiInterpreter } from './initializers.js';
import { describeInterpreterScenarios } from './interpreter-scenarios.js';

/** The shared conversation scenarios with the OpenAI interpreter, the real SDK and a fake endpoint on loopback. */
describeInterpreterScenarios(openAiInterpreter);
